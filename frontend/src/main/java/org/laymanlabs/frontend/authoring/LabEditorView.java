package org.laymanlabs.frontend.authoring;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.laymanlabs.backend.lab.LabCatalog;
import org.laymanlabs.backend.lab.LabDefinition;
import org.laymanlabs.backend.lab.LabProblem;
import org.laymanlabs.backend.lab.LabValidator;
import org.laymanlabs.frontend.MainLayout;

/**
 * Lab authoring: an instructor edits a lab's lab.yaml and sees, as they type, every problem the
 * validator finds at its line and column, a preview of the lesson, and a way to try the lab in a
 * sandbox. Drafts are not saved here: a lab is installed as a folder (labs/README.md), and the
 * sandbox runs the installed version.
 */
@Route(value = "author/labs", layout = MainLayout.class)
@PageTitle("Lab editor · Layman Labs")
@Menu(title = "Lab editor", order = 3, icon = "vaadin:edit")
@RolesAllowed({"INSTRUCTOR", "ADMIN"})
class LabEditorView extends Main {

    final ComboBox<String> lab = new ComboBox<>("Lab");
    final TextArea source = new TextArea("lab.yaml");
    final Span verdict = new Span();
    final UnorderedList problems = new UnorderedList();
    final LessonPreview preview = new LessonPreview();
    final Anchor tryIt = new Anchor("", "Try it in a sandbox");
    private final LabCatalog catalog;

    LabEditorView(LabCatalog catalog) {
        this.catalog = catalog;
        addClassName("page");
        addClassName("lab-editor");
        Paragraph intro = new Paragraph("Pick a lab and edit its lab.yaml. Problems show up as you type, each at its "
                + "line and column; the preview shows the lesson a learner will read.");
        intro.addClassName("page-intro");

        lab.setItems(catalog.folders());
        lab.setPlaceholder("Choose a lab");
        lab.addValueChangeListener(e -> open(e.getValue()));
        tryIt.addClassName("button-link");
        tryIt.setVisible(false);
        tryIt.getElement().setAttribute("title", "Opens the workspace with the installed version of this lab");
        Div toolbar = new Div(lab, tryIt);
        toolbar.addClassName("inline-form");

        source.addClassName("lab-source");
        source.setValueChangeMode(ValueChangeMode.TIMEOUT);
        source.setValueChangeTimeout(400);
        source.addValueChangeListener(e -> validate());
        source.setEnabled(false);

        verdict.addClassName("lab-verdict");
        problems.addClassName("lab-problems");
        Div checks = new Div(verdict, problems);
        checks.addClassName("lab-checks");
        TabSheet side = new TabSheet();
        side.add("Problems", checks);
        side.add("Preview", preview);
        side.addClassName("lab-side");

        Div columns = new Div(source, side);
        columns.addClassName("lab-editor-columns");
        add(new H2("Lab editor"), intro, toolbar, columns);
        if (!catalog.folders().isEmpty()) {
            lab.setValue(catalog.folders().get(0));
        }
    }

    private void open(String id) {
        if (id == null) {
            return;
        }
        source.setValue(catalog.source(id).orElse(""));
        source.setEnabled(true);
        tryIt.setHref("labs/" + id);
        tryIt.setVisible(catalog.find(id).isPresent());
        validate();
    }

    void validate() {
        String id = lab.getValue();
        if (id == null) {
            return;
        }
        LabValidator.Outcome outcome = catalog.validateDraft(id, source.getValue());
        problems.removeAll();
        for (LabProblem problem : outcome.problems()) {
            ListItem item = new ListItem(new Span("Line " + problem.line() + ", column " + problem.column()),
                    new Span(problem.message()));
            item.getElement().setAttribute("data-line", String.valueOf(problem.line()));
            problems.add(item);
        }
        verdict.getElement().getThemeList().clear();
        if (outcome.valid()) {
            LabDefinition definition = outcome.definition().orElseThrow();
            verdict.setText("✓ No problems: " + definition.steps().size() + " steps, ready to try");
            verdict.getElement().getThemeList().add("badge success");
            preview.show(definition.steps());
        } else {
            int count = outcome.problems().size();
            verdict.setText(count + (count == 1 ? " problem" : " problems") + " to fix");
            verdict.getElement().getThemeList().add("badge error");
        }
    }
}
