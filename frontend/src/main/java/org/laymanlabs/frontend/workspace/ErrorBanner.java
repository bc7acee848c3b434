package org.laymanlabs.frontend.workspace;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import java.util.ArrayList;
import java.util.List;

/** A plain-words error with ways forward (try again, reset), in place of anything technical. */
final class ErrorBanner {

    private ErrorBanner() {
    }

    /** A way forward: a button's label and what it does. The first is the one the banner stresses. */
    record Action(String label, Runnable run) {
    }

    static Notification show(String message, List<Action> actions) {
        Notification note = new Notification();
        note.addThemeVariants(NotificationVariant.LUMO_ERROR);
        note.setPosition(Notification.Position.TOP_CENTER);
        List<com.vaadin.flow.component.Component> parts = new ArrayList<>();
        parts.add(new Span(message));
        for (Action action : actions) {
            Button button = new Button(action.label(), e -> {
                note.close();
                action.run().run();
            });
            if (parts.size() == 1) {
                button.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_CONTRAST);
            }
            parts.add(button);
        }
        parts.add(new Button("Dismiss", e -> note.close()));
        Div content = new Div(parts.toArray(com.vaadin.flow.component.Component[]::new));
        content.addClassName("error-banner");
        content.getElement().setAttribute("role", "alert");
        note.add(content);
        note.open();
        return note;
    }
}
