package org.laymanlabs.frontend.classroom;

import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import java.time.Duration;
import java.util.List;
import org.laymanlabs.backend.classroom.GridRow;
import org.laymanlabs.backend.lab.Lab;
import org.laymanlabs.backend.lab.LabCatalog;
import org.laymanlabs.backend.progress.AttemptProgress;

/**
 * The progress grid: a row per learner and lab with steps done, time, hints used and the last
 * check; a friendly note instead while the classroom has no learners.
 */
class ProgressTable extends Div {

    final Grid<GridRow> grid = new Grid<>();
    private final Div empty = new Div(VaadinIcon.USERS.create(), new H3("No learners yet"),
            new Paragraph("Add learners by their username above, or give them the join code."));
    private LabCatalog catalog;

    ProgressTable() {
        addClassName("progress-table");
        empty.addClassName("empty-state");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setAllRowsVisible(true);
        grid.addColumn(GridRow::username).setHeader("Learner").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(row -> catalog.find(row.labId()).map(Lab::title).orElse(row.labId())).setHeader("Lab").setAutoWidth(true);
        grid.addColumn(ProgressTable::stepsDone).setHeader("Steps done").setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        grid.addColumn(ProgressTable::time).setHeader("Time").setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        grid.addColumn(row -> row.attempt().map(a -> Integer.toString(a.hintsUsed())).orElse("–"))
                .setHeader("Hints used").setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        grid.addComponentColumn(ProgressTable::lastCheck).setHeader("Last check").setAutoWidth(true);
        add(empty, grid);
    }

    void show(List<GridRow> rows, LabCatalog catalog, boolean noLearners) {
        this.catalog = catalog;
        empty.setVisible(noLearners);
        grid.setVisible(!noLearners);
        grid.setItems(rows);
    }

    static String stepsDone(GridRow row) {
        return row.attempt().map(a -> a.stepsCompleted() + " of " + a.steps().size()
                + (a.completedAt() != null ? " ✓" : "")).orElse("not started");
    }

    static String time(GridRow row) {
        if (row.attempt().isEmpty()) {
            return "–";
        }
        Duration time = row.time();
        long minutes = time.toMinutes();
        return minutes < 1 ? "under a minute" : minutes < 60 ? minutes + " min"
                : time.toHours() + " h " + time.toMinutesPart() + " min";
    }

    static Span lastCheck(GridRow row) {
        Span text = row.lastCheck().map(check -> {
            String step = row.attempt().flatMap(a -> titleOf(a, check.stepId())).orElse(check.stepId());
            Span s = new Span((check.passed() ? "passed" : "failed") + " · " + step);
            s.getElement().getThemeList().add(check.passed() ? "badge success" : "badge error");
            return s;
        }).orElseGet(() -> new Span("no check yet"));
        text.addClassName("last-check");
        return text;
    }

    private static java.util.Optional<String> titleOf(AttemptProgress attempt, String stepId) {
        return attempt.steps().stream().filter(s -> s.stepId().equals(stepId)).map(s -> s.title()).findFirst();
    }
}
