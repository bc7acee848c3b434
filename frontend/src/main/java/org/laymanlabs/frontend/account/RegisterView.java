package org.laymanlabs.frontend.account;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.util.Map;
import org.laymanlabs.backend.account.AccessControl;
import org.laymanlabs.backend.account.Accounts;
import org.laymanlabs.frontend.MainLayout;

/**
 * A learner creates their own account (when the operator allows it), then signs in. Instructors
 * and admins get their accounts from an admin; the first admin comes from the operator's settings.
 */
@Route(value = "register", layout = MainLayout.class)
@PageTitle("Create an account · Layman Labs")
@AnonymousAllowed
class RegisterView extends Main {

    final TextField username = new TextField("Username");
    final PasswordField password = new PasswordField("Password");
    final PasswordField again = new PasswordField("Password again");
    final Button create = new Button("Create my account");
    final Paragraph refusal = new Paragraph();
    private final Accounts accounts;

    RegisterView(Accounts accounts) {
        this.accounts = accounts;
        addClassName("account-page");
        username.setHelperText("3 or more characters: lowercase letters, digits, '.', '_' or '-'");
        username.setAutocomplete(com.vaadin.flow.component.textfield.Autocomplete.USERNAME);
        password.setHelperText("At least 8 characters. A short sentence is easy to remember.");
        password.setAutocomplete(com.vaadin.flow.component.textfield.Autocomplete.NEW_PASSWORD);
        again.setAutocomplete(com.vaadin.flow.component.textfield.Autocomplete.NEW_PASSWORD);
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.addClickShortcut(Key.ENTER);
        create.addClickListener(e -> register());
        refusal.addClassName("account-refusal");
        refusal.setVisible(false);

        VerticalLayout fields = new VerticalLayout(username, password, again, create);
        fields.setPadding(false);
        fields.setSpacing(true);
        fields.getChildren().forEach(c -> c.getElement().getStyle().set("width", "100%"));
        Div card = new Div();
        card.addClassName("account-card");
        Paragraph intro = new Paragraph("Your own sandbox for Docker and Kubernetes, with lessons in plain words. "
                + "It is free and takes a few seconds.");
        intro.addClassName("account-intro");
        Paragraph signIn = new Paragraph(new Span("Have an account already? "), new Anchor("login", "Sign in"));
        signIn.addClassName("account-switch");
        card.add(new H2("Create your account"), intro, refusal, fields, signIn);
        add(card);
    }

    void register() {
        username.setInvalid(false);
        password.setInvalid(false);
        again.setInvalid(false);
        refusal.setVisible(false);
        if (!password.getValue().equals(again.getValue())) {
            again.setErrorMessage("The two passwords differ: type the same one twice");
            again.setInvalid(true);
            return;
        }
        try {
            accounts.register(username.getValue().strip(), password.getValue());
            getUI().ifPresent(ui -> ui.navigate(LoginView.PATH, QueryParameters.simple(Map.of("registered", "1"))));
        } catch (IllegalArgumentException e) {
            String message = e.getMessage();
            if (message.startsWith("password: ")) {
                password.setErrorMessage("Too short: " + message.substring("password: ".length()));
                password.setInvalid(true);
            } else {
                username.setErrorMessage(capitalised(message.replaceFirst("^username: ", "")));
                username.setInvalid(true);
            }
        } catch (AccessControl.Forbidden e) {
            refusal.setText(capitalised(e.getMessage()) + ".");
            refusal.setVisible(true);
        }
    }

    private static String capitalised(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
