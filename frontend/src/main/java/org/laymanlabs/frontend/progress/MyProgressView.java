package org.laymanlabs.frontend.progress;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.card.Card;
import com.vaadin.flow.component.card.CardVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.util.List;
import org.laymanlabs.backend.account.AccessControl;
import org.laymanlabs.backend.account.Caller;
import org.laymanlabs.backend.classroom.Classroom;
import org.laymanlabs.backend.classroom.Classrooms;
import org.laymanlabs.backend.lab.Lab;
import org.laymanlabs.backend.lab.LabCatalog;
import org.laymanlabs.backend.progress.AttemptProgress;
import org.laymanlabs.backend.progress.Attempts;
import org.laymanlabs.backend.progress.Grading;
import org.laymanlabs.backend.progress.LabAttempt;
import org.laymanlabs.backend.progress.StepStatus;
import org.laymanlabs.frontend.MainLayout;
import org.laymanlabs.frontend.account.SignedIn;

/** "My progress": each lab the learner started, step by step, and the classrooms they are in. */
@Route(value = "progress", layout = MainLayout.class)
@PageTitle("My progress · Layman Labs")
@Menu(title = "My progress", order = 1, icon = "vaadin:chart-line")
@PermitAll
class MyProgressView extends Main {

    final Div labs = new Div();
    final TextField joinCode = new TextField("Join a classroom");
    final Button join = new Button("Join");
    final Div classrooms = new Div();
    private final Classrooms classroomService;
    private final Caller caller;

    MyProgressView(SignedIn signedIn, Attempts attempts, Grading grading, LabCatalog catalog, Classrooms classroomService) {
        this.classroomService = classroomService;
        this.caller = signedIn.required();
        addClassName("page");
        add(new H2("My progress"));
        labs.addClassName("progress-list");
        List<AttemptProgress> mine = attempts.mine(caller).stream().filter(LabAttempt::isActive)
                .map(a -> grading.progress(caller, a.id())).toList();
        if (mine.isEmpty()) {
            labs.add(emptyState());
        }
        mine.forEach(progress -> labs.add(card(progress, catalog.find(progress.labId()).map(Lab::title).orElse(progress.labId()))));
        add(labs);

        add(new H3("Classrooms"));
        joinCode.setPlaceholder("e.g. K7M2QX9P");
        joinCode.setHelperText("Your instructor gives you the code");
        join.addClickListener(e -> join());
        Div joinRow = new Div(joinCode, join);
        joinRow.addClassName("inline-form");
        classrooms.addClassName("classroom-chips");
        showClassrooms();
        add(classrooms, joinRow);
    }

    private static Div emptyState() {
        Div empty = new Div();
        empty.addClassName("empty-state");
        empty.add(VaadinIcon.ROCKET.create(), new H3("You have not started a lab yet"),
                new Paragraph("Pick one from the catalog: each starts with a few minutes of reading and a sandbox "
                        + "that is all yours. Your progress shows up here."));
        Anchor browse = new Anchor("", "Browse the catalog");
        browse.addClassName("button-link");
        empty.add(browse);
        return empty;
    }

    static Card card(AttemptProgress progress, String title) {
        Card card = new Card();
        card.addThemeVariants(CardVariant.LUMO_OUTLINED);
        card.getElement().setAttribute("data-lab", progress.labId());
        card.setTitle(title);
        int total = progress.steps().size();
        long done = progress.stepsCompleted();
        card.setSubtitle(new Span(progress.completedAt() != null ? "Completed ✓"
                : done + " of " + total + " steps done · " + progress.hintsUsed() + " hints used"));
        card.add(new ProgressBar(0, Math.max(1, total), done));
        UnorderedList steps = new UnorderedList();
        steps.addClassName("step-list");
        for (StepStatus step : progress.steps()) {
            ListItem item = new ListItem(new Span(step.completed() ? "✓" : "○"), new Span(step.title()));
            item.addClassName(step.completed() ? "step-done" : "step-open");
            steps.add(item);
        }
        card.add(steps);
        Anchor open = new Anchor("labs/" + progress.labId(), progress.completedAt() != null ? "Open again" : "Continue");
        open.addClassName("button-link");
        card.addToFooter(open);
        return card;
    }

    private void showClassrooms() {
        classrooms.removeAll();
        List<Classroom> joined = classroomService.visibleTo(caller);
        if (joined.isEmpty()) {
            classrooms.add(new Paragraph("You are not in a classroom. If your instructor gave you a code, type it below."));
        }
        joined.forEach(c -> {
            Span chip = new Span(c.name());
            chip.getElement().getThemeList().add("badge pill");
            classrooms.add(chip);
        });
    }

    void join() {
        try {
            Classroom classroom = classroomService.join(caller, joinCode.getValue());
            joinCode.clear();
            joinCode.setInvalid(false);
            joinCode.setHelperText("You joined " + classroom.name());
            showClassrooms();
        } catch (AccessControl.NotFound e) {
            joinCode.setErrorMessage("No classroom has that code: check it with your instructor");
            joinCode.setInvalid(true);
        }
    }
}
