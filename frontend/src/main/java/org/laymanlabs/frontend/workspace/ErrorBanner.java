package org.laymanlabs.frontend.workspace;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;

/** A plain-words error with ways forward (try again, reset), in place of anything technical. */
final class ErrorBanner {

    private ErrorBanner() {
    }

    /**
     * @param retry what "Try again" does
     * @param resetLabel "Reset step" or "Reset lab"
     */
    static Notification show(String message, Runnable retry, String resetLabel, Runnable reset) {
        Notification note = new Notification();
        note.addThemeVariants(NotificationVariant.LUMO_ERROR);
        note.setPosition(Notification.Position.TOP_CENTER);
        Button again = new Button("Try again", e -> {
            note.close();
            retry.run();
        });
        again.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_CONTRAST);
        Button resetButton = new Button(resetLabel, e -> {
            note.close();
            reset.run();
        });
        Button dismiss = new Button("Dismiss", e -> note.close());
        Div content = new Div(new Span(message), again, resetButton, dismiss);
        content.addClassName("error-banner");
        content.getElement().setAttribute("role", "alert");
        note.add(content);
        note.open();
        return note;
    }
}
