package org.laymanlabs.frontend.catalog;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.util.Map;
import org.laymanlabs.backend.progress.AttemptProgress;
import org.laymanlabs.backend.lab.LabCatalog;
import org.laymanlabs.frontend.MainLayout;
import org.laymanlabs.frontend.workspace.WorkspaceBundle;

/**
 * The home page: every lab this installation offers, as cards a beginner can scan, each with the
 * signed-in learner's progress. Visitors see it too; opening a lab asks them to sign in.
 */
@Route(value = "", layout = MainLayout.class)
@PageTitle("Lab catalog · Layman Labs")
@Menu(title = "Catalog", order = 0, icon = "vaadin:grid-big-o")
@AnonymousAllowed
class CatalogView extends Main {

    final Div grid = new Div();

    CatalogView(LabCatalog catalog, CatalogProgress progress) {
        addClassName("catalog");
        add(new H2("Learn Docker and Kubernetes by doing"));
        Paragraph intro = new Paragraph("Each lab is a short lesson in plain words beside a live sandbox of your own: "
                + "a working container engine and cluster that starts in an instant and keeps your work.");
        intro.addClassName("catalog-intro");
        add(intro);

        grid.addClassName("lab-grid");
        Map<String, AttemptProgress> started = progress.byLab();
        catalog.labs().forEach(lab -> grid.add(new LabCard(lab, started.get(lab.id()))));
        if (catalog.labs().isEmpty()) {
            add(new Paragraph("No labs are installed yet. An operator adds them as folders under labs/ "
                    + "(see labs/README.md)."));
        }
        add(grid);
    }

    /** A signed-in learner is likely to open a lab next: the workspace's scripts load while they read. */
    @Override
    protected void onAttach(AttachEvent event) {
        VaadinRequest request = VaadinRequest.getCurrent();
        if (request != null && request.getUserPrincipal() != null) {
            WorkspaceBundle.preloadWhenIdle(event.getUI());
        }
    }
}
