package org.laymanlabs.frontend;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.ParentLayout;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a learner sees when a page fails: what happened in plain words and a way on, never a
 * stack trace. The details go to the server log.
 */
@ParentLayout(MainLayout.class)
@PageTitle("Something went wrong · Layman Labs")
@AnonymousAllowed
public class ErrorView extends Main implements HasErrorParameter<Exception> {

    private static final Logger log = LoggerFactory.getLogger(ErrorView.class);

    public ErrorView() {
        addClassName("error-page");
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<Exception> parameter) {
        log.error("Page {} failed", event.getLocation().getPath(), parameter.getCaughtException());
        removeAll();
        add(new H2("Something went wrong on our side"),
                new Paragraph("This page could not be shown. Your sandbox is kept while this browser stays open: "
                        + "go back to the catalog and open the lab again, or reload this page."),
                new Anchor("", "Back to the catalog"));
        return HttpServletResponse.SC_INTERNAL_SERVER_ERROR;
    }
}
