package org.laymanlabs.frontend.workspace;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.VaadinIcon;
import java.util.List;
import java.util.function.IntSupplier;
import java.util.function.Supplier;
import org.laymanlabs.backend.workspace.LabSandbox;

/**
 * The "Check my work" panel under the lesson: the result of each check with its message, hints
 * revealed one at a time, and the way on to the next step once every check passes.
 */
class CheckPanel extends Div {

    final Button check = new Button("Check my work", VaadinIcon.CHECK_CIRCLE_O.create());
    final Button hint = new Button("Show a hint");
    final UnorderedList results = new UnorderedList();
    final Div hints = new Div();
    final Button next = new Button("Next step", VaadinIcon.ARROW_RIGHT.create());
    private final WorkChecker checker;
    private final String labId;
    private final IntSupplier step;
    private int shownHints;

    CheckPanel(WorkChecker checker, String labId, IntSupplier step, Supplier<LabSandbox> sandbox, Runnable onNext) {
        this.checker = checker;
        this.labId = labId;
        this.step = step;
        addClassName("check-panel");
        check.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        check.addClickListener(e -> show(checker.check(labId, step.getAsInt(), sandbox.get())));
        hint.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        hint.addClickListener(e -> revealHint());
        next.addThemeVariants(ButtonVariant.LUMO_SUCCESS, ButtonVariant.LUMO_PRIMARY);
        next.setVisible(false);
        next.addClickListener(e -> onNext.run());
        results.addClassName("check-results");
        results.getElement().setAttribute("aria-live", "polite");
        hints.addClassName("hints");
        Div actions = new Div(check, hint, next);
        actions.addClassName("check-actions");
        add(actions, results, hints);
        reset();
    }

    /** A new step: no results, no hints shown. */
    void reset() {
        results.removeAll();
        hints.removeAll();
        shownHints = 0;
        next.setVisible(false);
        List<String> all = checker.hints(labId, step.getAsInt());
        hint.setVisible(!all.isEmpty());
        hint.setText("Show a hint (" + all.size() + ")");
    }

    void show(WorkChecker.CheckReport report) {
        results.removeAll();
        for (WorkChecker.CheckReport.Result r : report.results()) {
            ListItem item = new ListItem();
            item.addClassName(r.passed() ? "check-passed" : "check-failed");
            Span mark = new Span(r.passed() ? "✓ Passed: " : "✗ Not yet: ");
            mark.addClassName("check-mark");
            item.add(mark, new Span(r.name()), new Paragraph(r.message()));
            results.add(item);
        }
        if (report.results().isEmpty()) {
            results.add(new ListItem("This step has no checks: read on when you are ready."));
        }
        next.setVisible(report.passed());
    }

    void revealHint() {
        List<String> all = checker.hints(labId, step.getAsInt());
        if (shownHints < all.size()) {
            Paragraph p = new Paragraph("Hint " + (shownHints + 1) + ": " + all.get(shownHints));
            p.addClassName("hint");
            hints.add(p);
            shownHints++;
        }
        hint.setText(shownHints < all.size() ? "Another hint (" + (all.size() - shownHints) + " left)" : "No more hints");
        hint.setEnabled(shownHints < all.size());
    }
}
