package org.laymanlabs.frontend.authoring;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.icon.VaadinIcon;
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
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import org.laymanlabs.backend.account.Caller;
import org.laymanlabs.backend.authoring.LabDrafts;
import org.laymanlabs.backend.lab.LabCatalog;
import org.laymanlabs.backend.lab.LabDefinition;
import org.laymanlabs.backend.lab.LabProblem;
import org.laymanlabs.backend.lab.LabValidator;
import org.laymanlabs.frontend.MainLayout;
import org.laymanlabs.frontend.account.SignedIn;

/**
 * Lab authoring: an instructor edits a lab's lab.yaml and sees, as they type, every problem the
 * validator finds at its line and column, a preview of the lesson, and a way to try the lab in a
 * sandbox. What they type is kept as their draft of that lab (saved as they type, found again when
 * they reopen it, until they discard it); the installed lab is a folder (labs/README.md), which
 * the draft never changes, and the sandbox runs the installed version.
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
    final Span draftStatus = new Span();
    final Button discard = new Button("Discard draft", VaadinIcon.TRASH.create(), e -> discardDraft());
    private static final DateTimeFormatter SAVED_AT = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);
    private final LabCatalog catalog;
    private final LabDrafts drafts;
    private final Caller author;
    /** While the editor fills the text area itself, no draft is saved. */
    private boolean opening;

    LabEditorView(LabCatalog catalog, LabDrafts drafts, SignedIn signedIn) {
        this.catalog = catalog;
        this.drafts = drafts;
        this.author = signedIn.required();
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
        draftStatus.addClassName("draft-status");
        draftStatus.getElement().setAttribute("aria-live", "polite");
        discard.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
        discard.setTooltipText("Throw your draft away and show the installed lab.yaml again.");
        discard.setVisible(false);
        Div toolbar = new Div(lab, tryIt, draftStatus, discard);
        toolbar.addClassName("inline-form");

        source.addClassName("lab-source");
        source.setValueChangeMode(ValueChangeMode.TIMEOUT);
        source.setValueChangeTimeout(400);
        source.addValueChangeListener(e -> {
            validate();
            if (!opening) {
                keepDraft();
            }
        });
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
        Optional<LabDrafts.Draft> draft = drafts.find(author, id);
        opening = true;
        try {
            source.setValue(draft.map(LabDrafts.Draft::source).orElseGet(() -> catalog.source(id).orElse("")));
        } finally {
            opening = false;
        }
        draft.ifPresentOrElse(d -> showDraft("Your draft, saved " + SAVED_AT.format(d.savedAt())),
                () -> showDraft(null));
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

    /** Saves what the author typed as their draft; typing the installed text back drops the draft. */
    void keepDraft() {
        String id = lab.getValue();
        if (id == null) {
            return;
        }
        try {
            if (source.getValue().equals(catalog.source(id).orElse(null))) {
                drafts.discard(author, id);
                showDraft(null);
                return;
            }
            LabDrafts.Draft saved = drafts.save(author, id, source.getValue());
            showDraft("Draft saved " + SAVED_AT.format(saved.savedAt()));
        } catch (IllegalArgumentException e) {
            draftStatus.setText("Not saved: " + e.getMessage());
        }
    }

    void discardDraft() {
        String id = lab.getValue();
        if (id == null) {
            return;
        }
        drafts.discard(author, id);
        open(id);
        draftStatus.setText("Draft discarded: this is the installed lab.yaml");
    }

    private void showDraft(String text) {
        draftStatus.setText(text == null ? "No draft: this is the installed lab.yaml" : text);
        discard.setVisible(text != null);
    }
}
