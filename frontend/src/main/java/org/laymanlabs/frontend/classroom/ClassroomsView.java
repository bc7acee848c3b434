package org.laymanlabs.frontend.classroom;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.card.Card;
import com.vaadin.flow.component.card.CardVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import org.laymanlabs.backend.account.Caller;
import org.laymanlabs.backend.classroom.Classroom;
import org.laymanlabs.backend.classroom.Classrooms;
import org.laymanlabs.frontend.MainLayout;
import org.laymanlabs.frontend.account.SignedIn;

/** An instructor's classrooms (every classroom for an admin), and opening a new one. */
@Route(value = "classrooms", layout = MainLayout.class)
@PageTitle("Classrooms · Layman Labs")
@Menu(title = "Classrooms", order = 2, icon = "vaadin:academy-cap")
@RolesAllowed({"INSTRUCTOR", "ADMIN"})
class ClassroomsView extends Main {

    final TextField name = new TextField("New classroom");
    final Button open = new Button("Open classroom");
    final Div list = new Div();
    private final Classrooms classrooms;
    private final Caller caller;

    ClassroomsView(SignedIn signedIn, Classrooms classrooms) {
        this.classrooms = classrooms;
        this.caller = signedIn.required();
        addClassName("page");
        add(new H2("Classrooms"));
        Paragraph intro = new Paragraph("Open a classroom for each group you teach, add your learners or give them "
                + "the join code, assign labs, and follow everyone's progress.");
        intro.addClassName("page-intro");
        name.setPlaceholder("e.g. Monday evening class");
        open.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        open.addClickShortcut(Key.ENTER);
        open.addClickListener(e -> openClassroom());
        Div form = new Div(name, open);
        form.addClassName("inline-form");
        list.addClassName("card-grid");
        add(intro, form, list);
        show();
    }

    private void show() {
        list.removeAll();
        List<Classroom> visible = classrooms.visibleTo(caller);
        if (visible.isEmpty()) {
            Div empty = new Div(VaadinIcon.ACADEMY_CAP.create(), new H3("No classrooms yet"),
                    new Paragraph("Open your first one above. You will get a short code to read out or write on the board."));
            empty.addClassName("empty-state");
            list.add(empty);
        }
        for (Classroom classroom : visible) {
            Card card = new Card();
            card.addThemeVariants(CardVariant.LUMO_OUTLINED, CardVariant.LUMO_ELEVATED);
            card.getElement().setAttribute("data-classroom", classroom.name());
            card.setTitle(classroom.name());
            Span code = new Span("Join code " + classroom.joinCode());
            code.addClassName("join-code");
            card.setSubtitle(code);
            card.add(new Paragraph(classroom.labs().isEmpty() ? "No labs assigned yet"
                    : classroom.labs().size() + (classroom.labs().size() == 1 ? " lab assigned" : " labs assigned")));
            Anchor openIt = new Anchor("classroom/" + classroom.id(), "Open");
            openIt.addClassName("button-link");
            openIt.getElement().setAttribute("aria-label", "Open the classroom " + classroom.name());
            card.addToFooter(openIt);
            list.add(card);
        }
    }

    void openClassroom() {
        try {
            Classroom classroom = classrooms.open(caller, name.getValue());
            name.clear();
            name.setInvalid(false);
            getUI().ifPresent(ui -> ui.navigate("classroom/" + classroom.id()));
        } catch (IllegalArgumentException e) {
            name.setErrorMessage("Give the classroom a name (up to 200 characters)");
            name.setInvalid(true);
        }
    }
}
