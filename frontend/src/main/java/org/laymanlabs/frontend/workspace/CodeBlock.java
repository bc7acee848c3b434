package org.laymanlabs.frontend.workspace;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.icon.VaadinIcon;
import java.util.List;

/**
 * A code block of a lesson: the code, a Copy button, and for shell commands a Run button that
 * types them into the terminal, one line at a time. YAML and other files get Copy only.
 */
class CodeBlock extends Div {

    private static final List<String> SHELL = List.of("", "bash", "sh", "shell", "console", "terminal");

    /** What Run does: types the lines into the terminal. */
    interface Runner {
        void run(List<String> lines);
    }

    final Button run = new Button("Run", VaadinIcon.PLAY.create());
    final Button copy = new Button("Copy", VaadinIcon.COPY_O.create());
    final List<String> lines;

    CodeBlock(String code, String info, Runner runner) {
        addClassName("code-block");
        String language = info == null ? "" : info.strip().split("\\s+")[0];
        this.lines = code.lines().map(l -> l.startsWith("$ ") ? l.substring(2) : l).filter(l -> !l.isBlank()).toList();
        Pre pre = new Pre(code);
        pre.getElement().setAttribute("tabindex", "0");
        copy.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        copy.getElement().setAttribute("aria-label", "Copy this code");
        copy.addClickListener(e -> {
            copy.getElement().executeJs("navigator.clipboard && navigator.clipboard.writeText($0)", code);
            copy.setText("Copied");
        });
        Div actions = new Div();
        actions.addClassName("code-actions");
        if (SHELL.contains(language)) {
            run.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_PRIMARY);
            run.getElement().setAttribute("aria-label", "Run in the terminal: " + String.join("; ", lines));
            run.addClickListener(e -> runner.run(lines));
            actions.add(run);
        }
        actions.add(copy);
        add(pre, actions);
    }

    boolean runnable() {
        return run.getParent().isPresent();
    }
}
