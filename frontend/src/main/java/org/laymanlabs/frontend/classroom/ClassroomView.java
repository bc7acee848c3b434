package org.laymanlabs.frontend.classroom;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.laymanlabs.backend.account.AccessControl;
import org.laymanlabs.backend.account.Caller;
import org.laymanlabs.backend.classroom.Classroom;
import org.laymanlabs.backend.classroom.ClassroomRoster;
import org.laymanlabs.backend.classroom.Classrooms;
import org.laymanlabs.backend.classroom.ProgressGrid;
import org.laymanlabs.backend.lab.Lab;
import org.laymanlabs.backend.lab.LabCatalog;
import org.laymanlabs.frontend.MainLayout;
import org.laymanlabs.frontend.account.SignedIn;

/** One classroom: its join code, adding learners, assigning labs, and the progress grid. */
@Route(value = "classroom", layout = MainLayout.class)
@RolesAllowed({"INSTRUCTOR", "ADMIN"})
class ClassroomView extends Main implements HasUrlParameter<String>, HasDynamicTitle {

    final TextField learner = new TextField("Add a learner");
    final Button add = new Button("Add");
    final CheckboxGroup<Lab> labs = new CheckboxGroup<>("Assigned labs");
    final ProgressTable grid = new ProgressTable();
    private final Caller caller;
    private final Classrooms classrooms;
    private final ClassroomRoster roster;
    private final ProgressGrid progress;
    private final LabCatalog catalog;
    private Classroom classroom;

    ClassroomView(SignedIn signedIn, Classrooms classrooms, ClassroomRoster roster, ProgressGrid progress, LabCatalog catalog) {
        this.caller = signedIn.required();
        this.classrooms = classrooms;
        this.roster = roster;
        this.progress = progress;
        this.catalog = catalog;
        addClassName("page");
    }

    @Override
    public void setParameter(BeforeEvent event, String id) {
        try {
            classroom = classrooms.get(caller, UUID.fromString(id));
        } catch (IllegalArgumentException | AccessControl.NotFound e) {
            throw new NotFoundException("classroom " + id);
        }
        build();
    }

    @Override
    public String getPageTitle() {
        return (classroom == null ? "Classroom" : classroom.name()) + " · Layman Labs";
    }

    private void build() {
        removeAll();
        Anchor back = new Anchor("classrooms", "← All classrooms");
        H2 title = new H2(classroom.name());
        Span code = new Span("Join code " + classroom.joinCode());
        code.addClassName("join-code");
        Paragraph share = new Paragraph("Learners can join on their “My progress” page with this code, or you add them by name.");
        share.addClassName("page-intro");

        learner.setPlaceholder("their username");
        add.addClickShortcut(Key.ENTER);
        add.addClickListener(e -> addLearner());
        Div addRow = new Div(learner, add);
        addRow.addClassName("inline-form");

        labs.setItems(catalog.labs());
        labs.setItemLabelGenerator(Lab::title);
        Set<Lab> assigned = new HashSet<>();
        catalog.labs().stream().filter(l -> classroom.labs().contains(l.id())).forEach(assigned::add);
        labs.setValue(assigned);
        labs.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                assign(e.getOldValue(), e.getValue());
            }
        });

        Div settings = new Div(addRow, labs);
        settings.addClassName("classroom-settings");
        Anchor csv = new Anchor("api/classrooms/" + classroom.id() + "/progress.csv", "Download as CSV");
        csv.getElement().setAttribute("download", true);
        csv.setRouterIgnore(true);
        add(back, title, code, share, settings, new H3("Progress"), grid, csv);
        refresh();
    }

    void addLearner() {
        try {
            roster.addLearner(caller, classroom.id(), learner.getValue());
            learner.clear();
            learner.setInvalid(false);
            refresh();
        } catch (IllegalArgumentException e) {
            learner.setErrorMessage(e.getMessage().replaceFirst("^username: ", ""));
            learner.setInvalid(true);
        }
    }

    private void assign(Set<Lab> before, Set<Lab> after) {
        after.stream().filter(l -> !before.contains(l)).forEach(l -> roster.assignLab(caller, classroom.id(), l.id()));
        before.stream().filter(l -> !after.contains(l)).forEach(l -> roster.unassignLab(caller, classroom.id(), l.id()));
        classroom = classrooms.get(caller, classroom.id());
        refresh();
    }

    private void refresh() {
        grid.show(progress.rows(caller, classroom.id()), catalog, roster.members(caller, classroom.id()).isEmpty());
    }
}
