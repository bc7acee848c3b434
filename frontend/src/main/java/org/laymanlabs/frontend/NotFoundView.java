package org.laymanlabs.frontend;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.ParentLayout;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A page that does not exist, or that this account may not open: Vaadin's access control shows
 * both as "not found", so nobody learns which pages exist for other roles.
 */
@ParentLayout(MainLayout.class)
@PageTitle("Page not found · Layman Labs")
@AnonymousAllowed
public class NotFoundView extends Main implements HasErrorParameter<NotFoundException> {

    public NotFoundView() {
        addClassName("error-page");
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<NotFoundException> parameter) {
        removeAll();
        add(new H2("There is nothing here"),
                new Paragraph("The page “/" + event.getLocation().getPath() + "” does not exist, or your account "
                        + "cannot open it. Instructor and admin pages need an account with that role."),
                new Anchor("", "Back to the catalog"));
        return HttpServletResponse.SC_NOT_FOUND;
    }
}
