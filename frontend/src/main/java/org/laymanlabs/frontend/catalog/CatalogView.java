package org.laymanlabs.frontend.catalog;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import org.laymanlabs.backend.lab.LabCatalog;
import org.laymanlabs.frontend.MainLayout;

/** The home page: every lab this installation offers, as cards a beginner can scan. */
@Route(value = "", layout = MainLayout.class)
@PageTitle("Lab catalog · Layman Labs")
@Menu(title = "Catalog", order = 0, icon = "vaadin:grid-big-o")
class CatalogView extends Main {

    final Div grid = new Div();

    CatalogView(LabCatalog catalog) {
        addClassName("catalog");
        add(new H2("Learn Docker and Kubernetes by doing"));
        Paragraph intro = new Paragraph("Each lab is a short lesson in plain words beside a live sandbox of your own: "
                + "a working container engine and cluster that starts in an instant and keeps your work.");
        intro.addClassName("catalog-intro");
        add(intro);

        grid.addClassName("lab-grid");
        catalog.labs().forEach(lab -> grid.add(new LabCard(lab)));
        if (catalog.labs().isEmpty()) {
            add(new Paragraph("No labs are installed yet. An operator adds them as folders under labs/ "
                    + "(see labs/README.md)."));
        }
        add(grid);
    }
}
