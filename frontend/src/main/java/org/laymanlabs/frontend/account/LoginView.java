package org.laymanlabs.frontend.account;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.util.List;
import java.util.Map;
import org.laymanlabs.frontend.MainLayout;

/**
 * Signing in. The form posts to Spring Security (the password never passes through a Vaadin
 * request); a failure comes back as {@code ?error}, a throttled name as {@code ?locked=SECONDS}.
 */
@Route(value = LoginView.PATH, layout = MainLayout.class)
@PageTitle("Sign in · Layman Labs")
@AnonymousAllowed
public class LoginView extends Main implements BeforeEnterObserver {

    public static final String PATH = "login";

    final LoginForm form = new LoginForm();
    final Paragraph notice = new Paragraph();
    final LoginI18n i18n = i18n();
    private final SignedIn signedIn;

    LoginView(SignedIn signedIn) {
        this.signedIn = signedIn;
        addClassName("account-page");
        Div card = new Div();
        card.addClassName("account-card");
        H2 title = new H2("Welcome back");
        Paragraph intro = new Paragraph("Sign in to pick up your labs where you left them.");
        intro.addClassName("account-intro");
        notice.addClassName("account-notice");
        notice.setVisible(false);
        form.setAction(PATH);
        form.setForgotPasswordButtonVisible(false);
        form.setI18n(i18n);
        Paragraph register = new Paragraph(new Span("New here? "), new Anchor("register", "Create a free account"));
        register.addClassName("account-switch");
        card.add(title, intro, notice, form, register);
        add(card);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (signedIn.caller().isPresent()) {
            event.forwardTo("");
            return;
        }
        show(event.getLocation().getQueryParameters());
    }

    /** What the page says after a failed sign-in, a throttled one, or a new registration. */
    void show(QueryParameters query) {
        Map<String, List<String>> parameters = query.getParameters();
        if (parameters.containsKey("locked")) {
            String seconds = parameters.get("locked").stream().findFirst().filter(s -> s.matches("\\d{1,5}")).orElse("60");
            i18n.getErrorMessage().setTitle("Too many attempts");
            i18n.getErrorMessage().setMessage("Too many failed sign-ins for this name from your network. Try again in "
                    + seconds + (seconds.equals("1") ? " second." : " seconds."));
            form.setI18n(i18n);
            form.setError(true);
        } else if (parameters.containsKey("error")) {
            form.setError(true);
        }
        if (parameters.containsKey("registered")) {
            notice.setText("Your account is ready. Sign in with your new username and password.");
            notice.setVisible(true);
        }
    }

    private static LoginI18n i18n() {
        LoginI18n i18n = LoginI18n.createDefault();
        i18n.getForm().setTitle("Sign in");
        i18n.getForm().setSubmit("Sign in");
        i18n.getErrorMessage().setTitle("That did not match");
        i18n.getErrorMessage().setMessage("Check your username and password and try again. Passwords are case-sensitive.");
        return i18n;
    }
}
