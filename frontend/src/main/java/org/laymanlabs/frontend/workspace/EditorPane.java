package org.laymanlabs.frontend.workspace;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.listbox.ListBox;
import com.vaadin.flow.component.textfield.TextField;
import java.util.List;
import java.util.function.Supplier;
import org.laymanlabs.backend.workspace.LabSandbox;
import org.laymanlabs.backend.workspace.ManifestProblem;

/**
 * The editor tab: the workspace's files on the left, the open file in CodeMirror, and Save. While
 * the learner types a manifest, what the API server would refuse is marked on its line.
 */
class EditorPane extends Div {

    final ListBox<String> files = new ListBox<>();
    final TextField newFile = new TextField();
    final Button create = new Button("New file", VaadinIcon.PLUS.create());
    final Button save = new Button("Save", VaadinIcon.CHECK.create());
    final Span status = new Span("Pick a file on the left, or make a new one.");
    final CodeEditor editor = new CodeEditor();
    private final Supplier<LabSandbox> sandbox;
    String openPath;

    EditorPane(Supplier<LabSandbox> sandbox) {
        this.sandbox = sandbox;
        addClassName("editor-pane");
        files.addClassName("file-list");
        files.getElement().setAttribute("aria-label", "Your files");
        files.addValueChangeListener(e -> {
            if (e.getValue() != null && !e.getValue().equals(openPath)) {
                open(e.getValue());
            }
        });
        newFile.setPlaceholder("name, e.g. web.yaml");
        newFile.setAriaLabel("New file name");
        create.addClickListener(e -> createFile());
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setEnabled(false);
        save.addClickListener(e -> editor.requestSave());
        status.addClassName("editor-status");
        status.getElement().setAttribute("aria-live", "polite");
        editor.onEdited(e -> problems(e.text));
        editor.onSave(e -> save(e.text));
        Div side = new Div(files, newFile, create);
        side.addClassName("editor-side");
        Div toolbar = new Div(save, status);
        toolbar.addClassName("editor-toolbar");
        Div main = new Div(toolbar, editor);
        main.addClassName("editor-main");
        add(side, main);
    }

    /** Reloads the file list, keeping the open file selected. */
    void refreshFiles() {
        List<String> paths = sandbox.get().files();
        if (!paths.equals(files.getListDataView().getItems().toList())) {
            files.setItems(paths);
            if (openPath != null && paths.contains(openPath)) {
                files.setValue(openPath);
            }
        }
    }

    void open(String path) {
        openPath = path;
        String text = sandbox.get().read(path).orElse("");
        editor.open(path, text);
        save.setEnabled(true);
        status.setText("Editing " + path + ". Save with the button or Ctrl+S.");
        problems(text);
    }

    private void createFile() {
        String name = newFile.getValue().strip();
        try {
            if (sandbox.get().read(name).isEmpty()) {
                sandbox.get().save(name, "");
            }
            newFile.clear();
            refreshFiles();
            files.setValue(name);
            open(name);
        } catch (IllegalArgumentException e) {
            status.setText(e.getMessage());
        }
    }

    void save(String text) {
        if (openPath == null) {
            return;
        }
        try {
            sandbox.get().save(openPath, text);
            refreshFiles();
            int problems = problems(text);
            status.setText("Saved " + openPath + ". Commands in the terminal now see this version."
                    + (problems == 0 ? "" : " It still has " + problems + (problems == 1 ? " problem" : " problems")
                    + " the cluster would refuse, marked in red."));
        } catch (IllegalArgumentException e) {
            status.setText(e.getMessage());
        }
    }

    /** Marks what the cluster would refuse and says so; returns how many problems there are. */
    private int problems(String text) {
        if (openPath == null) {
            return 0;
        }
        List<ManifestProblem> problems = sandbox.get().check(openPath, text);
        editor.problems(problems);
        if (!problems.isEmpty()) {
            status.setText(problems.size() + (problems.size() == 1 ? " problem" : " problems")
                    + " the cluster would refuse (marked in red): line " + problems.get(0).line() + ": " + problems.get(0).message());
        }
        return problems.size();
    }
}
