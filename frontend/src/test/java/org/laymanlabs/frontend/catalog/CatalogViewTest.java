package org.laymanlabs.frontend.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Paragraph;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.laymanlabs.backend.lab.Lab;
import org.laymanlabs.backend.lab.LabCatalog;
import org.laymanlabs.backend.lab.Level;
import org.laymanlabs.backend.progress.AttemptProgress;
import org.laymanlabs.backend.progress.StepStatus;

class CatalogViewTest {

    private static final Lab SERVICES = new Lab("services", "Services", "Find pods by label.", Level.INTERMEDIATE,
            20, List.of("service", "selector"), 6);
    private static final Lab IMAGES = new Lab("images", "Images", "Recipes and dishes.", Level.BEGINNER,
            15, List.of("image"), 1);

    @Test
    void showsOneCardPerLabInCatalogOrder() {
        CatalogView view = new CatalogView(new LabCatalog(List.of(SERVICES, IMAGES)), Map::of);

        assertThat(view.grid.getChildren().map(c -> c.getElement().getAttribute("data-lab")))
                .containsExactly("images", "services");
    }

    @Test
    void aCardShowsLevelMinutesSummaryAndConcepts() {
        LabCard card = new LabCard(SERVICES, null);

        assertThat(card.getTitleAsText()).isEqualTo("Services");
        assertThat(card.getSubtitle().getElement().getText()).isEqualTo("Intermediate · 20 min");
        assertThat(card.getElement().getTextRecursively()).contains("Find pods by label.", "service", "selector");
    }

    @Test
    void aCardLeadsIntoItsLab() {
        LabCard card = new LabCard(SERVICES, null);

        assertThat(card.getChildren().filter(com.vaadin.flow.component.html.Anchor.class::isInstance)
                .map(a -> ((com.vaadin.flow.component.html.Anchor) a).getHref())).containsExactly("labs/services");
    }

    @Test
    void anEmptyCatalogSaysHowToAddLabs() {
        CatalogView view = new CatalogView(new LabCatalog(List.of()), Map::of);

        assertThat(view.getChildren().filter(Paragraph.class::isInstance).map(Component::getElement)
                .map(e -> e.getText())).anyMatch(text -> text.startsWith("No labs are installed yet."));
    }

    private static AttemptProgress servicesProgress(boolean secondDone) {
        Instant start = Instant.parse("2026-01-05T09:00:00Z");
        return new AttemptProgress(UUID.randomUUID(), UUID.randomUUID(), "services", start,
                secondDone ? start.plusSeconds(600) : null, true, List.of(
                new StepStatus("label", "Label the pods", true, start.plusSeconds(60), 1, 0, 2),
                new StepStatus("select", "Select them", secondDone, secondDone ? start.plusSeconds(600) : null, 2, 1, 2)));
    }

    @Test
    void aStartedLabShowsStepsDoneAndInvitesTheLearnerToContinue() {
        CatalogView view = new CatalogView(new LabCatalog(List.of(SERVICES, IMAGES)),
                () -> Map.of("services", servicesProgress(false)));

        LabCard services = (LabCard) view.grid.getChildren().filter(c -> "services".equals(c.getElement().getAttribute("data-lab")))
                .findFirst().orElseThrow();
        LabCard images = (LabCard) view.grid.getChildren().filter(c -> "images".equals(c.getElement().getAttribute("data-lab")))
                .findFirst().orElseThrow();
        assertThat(services.getElement().getTextRecursively()).contains("1 of 2 steps done", "Continue");
        assertThat(images.getElement().getTextRecursively()).contains("Start this lab").doesNotContain("steps done");
    }

    @Test
    void aCompletedLabSaysSo() {
        LabCard card = new LabCard(SERVICES, servicesProgress(true));

        assertThat(card.getElement().getTextRecursively()).contains("Completed ✓", "Open again");
    }
}
