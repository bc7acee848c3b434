package org.laymanlabs.frontend.workspace;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/** The lesson side: one step at a time, with Back and Next, and "Step 2 of 5" to show the way. */
class LessonPanel extends Div {

    final Div content = new Div();
    final Span position = new Span();
    final Button back = new Button("Back", VaadinIcon.ARROW_LEFT.create());
    final Button next = new Button("Next", VaadinIcon.ARROW_RIGHT.create());
    private final List<Lessons.Step> steps;
    private final Function<String, Optional<byte[]>> files;
    private final CodeBlock.Runner runner;
    private final Consumer<Lessons.Step> onStepChange;
    int step;

    /**
     * @param files        the lab's files by path relative to its folder, for images
     * @param onStepChange hears of each step the learner moves to
     */
    LessonPanel(List<Lessons.Step> steps, Function<String, Optional<byte[]>> files, CodeBlock.Runner runner,
                Consumer<Lessons.Step> onStepChange) {
        this.steps = steps;
        this.files = files;
        this.runner = runner;
        this.onStepChange = onStepChange;
        addClassName("lesson");
        content.addClassName("lesson-content");
        content.getElement().setAttribute("tabindex", "-1");
        next.setIconAfterText(true);
        back.addClickListener(e -> go(step - 1));
        next.addClickListener(e -> go(step + 1));
        position.addClassName("lesson-position");
        Div nav = new Div(back, position, next);
        nav.addClassName("lesson-nav");
        add(content, nav);
        show();
    }

    void go(int to) {
        if (to >= 0 && to < steps.size()) {
            step = to;
            show();
            content.getElement().callJsFunction("focus");
            onStepChange.accept(steps.get(step));
        }
    }

    /** Shows the step with this id (where the learner left off) without announcing a change. */
    void showStep(String id) {
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i).id().equals(id) && i != step) {
                step = i;
                show();
            }
        }
    }

    /** The step on show; empty when the lab has no lesson. */
    Optional<Lessons.Step> current() {
        return steps.isEmpty() ? Optional.empty() : Optional.of(steps.get(step));
    }

    private void show() {
        content.removeAll();
        if (steps.isEmpty()) {
            content.add(new Span("This lab's lesson is not written yet. The sandbox is yours all the same: try "
                    + "help in the terminal."));
            back.setVisible(false);
            next.setVisible(false);
            return;
        }
        Lessons.Step shown = steps.get(step);
        content.add(LessonMarkdown.render(shown.markdown(), path -> files.apply(shown.resolve(path)), runner)
                .toArray(Component[]::new));
        position.setText("Step " + (step + 1) + " of " + steps.size());
        back.setEnabled(step > 0);
        next.setEnabled(step < steps.size() - 1);
    }
}
