package org.laymanlabs.frontend.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Paragraph;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.laymanlabs.backend.lab.Lab;
import org.laymanlabs.backend.lab.LabCatalog;
import org.laymanlabs.backend.lab.Level;

class CatalogViewTest {

    private static final Lab SERVICES = new Lab("services", "Services", "Find pods by label.", Level.INTERMEDIATE,
            20, List.of("service", "selector"));
    private static final Lab IMAGES = new Lab("images", "Images", "Recipes and dishes.", Level.BEGINNER,
            15, List.of("image"));

    @Test
    void showsOneCardPerLabInCatalogOrder() {
        CatalogView view = new CatalogView(new LabCatalog(List.of(SERVICES, IMAGES)));

        assertThat(view.grid.getChildren().map(c -> c.getElement().getAttribute("data-lab")))
                .containsExactly("images", "services");
    }

    @Test
    void aCardShowsLevelMinutesSummaryAndConcepts() {
        LabCard card = new LabCard(SERVICES);

        assertThat(card.getTitleAsText()).isEqualTo("Services");
        assertThat(card.getSubtitle().getElement().getText()).isEqualTo("Intermediate · 20 min");
        assertThat(card.getElement().getTextRecursively()).contains("Find pods by label.", "service", "selector");
    }

    @Test
    void aCardLeadsIntoItsLab() {
        LabCard card = new LabCard(SERVICES);

        assertThat(card.getChildren().filter(com.vaadin.flow.component.html.Anchor.class::isInstance)
                .map(a -> ((com.vaadin.flow.component.html.Anchor) a).getHref())).containsExactly("labs/services");
    }

    @Test
    void anEmptyCatalogSaysHowToAddLabs() {
        CatalogView view = new CatalogView(new LabCatalog(List.of()));

        assertThat(view.getChildren().filter(Paragraph.class::isInstance).map(Component::getElement)
                .map(e -> e.getText())).anyMatch(text -> text.startsWith("No labs are installed yet."));
    }
}
