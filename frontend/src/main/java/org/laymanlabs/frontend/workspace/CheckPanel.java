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
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The "Check my work" panel under the lesson: the result of each check with its message and how
 * long grading took, hints revealed one at a time (each counted in the learner's progress, and
 * shown again after a reload), and the way on to the next step once every check passes.
 */
class CheckPanel extends Div {

    final Button check = new Button("Check my work", VaadinIcon.CHECK_CIRCLE_O.create());
    final Button hint = new Button("Show a hint");
    final UnorderedList results = new UnorderedList();
    final Span timing = new Span();
    final Div hints = new Div();
    final Button next = new Button("Next step", VaadinIcon.ARROW_RIGHT.create());
    private final WorkChecker checker;
    private final Supplier<String> step;
    private final Consumer<Runnable> guard;

    /**
     * @param step  the id of the step on show
     * @param guard runs the server work, turning a failure into a message with a way on
     */
    CheckPanel(WorkChecker checker, Supplier<String> step, Runnable onNext, Consumer<Runnable> guard) {
        this.checker = checker;
        this.step = step;
        this.guard = guard;
        addClassName("check-panel");
        check.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        check.setDisableOnClick(true);
        check.addClickListener(e -> {
            try {
                guard.accept(() -> show(checker.check(step.get())));
            } finally {
                check.setEnabled(true);
            }
        });
        hint.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        hint.addClickListener(e -> guard.accept(this::revealHint));
        next.addThemeVariants(ButtonVariant.LUMO_SUCCESS, ButtonVariant.LUMO_PRIMARY);
        next.setIconAfterText(true);
        next.setVisible(false);
        next.addClickListener(e -> onNext.run());
        results.addClassName("check-results");
        results.getElement().setAttribute("aria-live", "polite");
        timing.addClassName("check-timing");
        hints.addClassName("hints");
        Div actions = new Div(check, hint, next);
        actions.addClassName("check-actions");
        add(actions, results, timing, hints);
    }

    /** A new step (or the page opened on one): no results, and the hints this learner already revealed. */
    void reset() {
        results.removeAll();
        hints.removeAll();
        timing.setText("");
        next.setVisible(false);
        List<String> all = checker.hints(step.get());
        int revealed = Math.min(checker.hintsRevealed(step.get()), all.size());
        for (int i = 0; i < revealed; i++) {
            addHint(i + 1, all.get(i));
        }
        hint.setVisible(!all.isEmpty());
        hintButton(revealed, all.size());
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
        timing.setText((report.passed() ? "Well done: every check passed. " : "")
                + "Checked on the server in " + Math.max(1, report.took().toMillis()) + " ms.");
        next.setVisible(report.passed());
    }

    void revealHint() {
        List<String> all = checker.hints(step.get());
        int shown = hints.getComponentCount();
        if (shown < all.size()) {
            String text = checker.revealHint(step.get());
            addHint(shown + 1, text);
            shown++;
        }
        hintButton(shown, all.size());
    }

    private void addHint(int number, String text) {
        Paragraph p = new Paragraph("Hint " + number + ": " + text);
        p.addClassName("hint");
        hints.add(p);
    }

    private void hintButton(int shown, int of) {
        hint.setText(shown == 0 ? "Show a hint (" + of + ")"
                : shown < of ? "Another hint (" + (of - shown) + " left)" : "No more hints");
        hint.setEnabled(shown < of);
    }
}
