package org.laymanlabs.frontend.workspace;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;

/** A plain-words error with one way forward, in place of anything technical. */
final class ErrorBanner {

    private ErrorBanner() {
    }

    static Notification show(String message, Runnable wayForward) {
        Notification note = new Notification();
        note.addThemeVariants(NotificationVariant.LUMO_ERROR);
        note.setPosition(Notification.Position.TOP_CENTER);
        Button act = new Button("Reset lab", e -> {
            note.close();
            wayForward.run();
        });
        Button dismiss = new Button("Dismiss", e -> note.close());
        Div content = new Div(new Span(message), act, dismiss);
        content.addClassName("error-banner");
        note.add(content);
        note.open();
        return note;
    }
}
