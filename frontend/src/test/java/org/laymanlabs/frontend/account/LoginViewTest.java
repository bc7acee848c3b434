package org.laymanlabs.frontend.account;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.spring.security.AuthenticationContext;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LoginViewTest {

    private final LoginView view = new LoginView(new SignedIn(new AuthenticationContext(), null));

    @Test
    void aThrottledSignInSaysHowLongToWait() {
        view.show(QueryParameters.simple(Map.of("locked", "42")));

        assertThat(view.form.isError()).isTrue();
        assertThat(view.i18n.getErrorMessage().getTitle()).isEqualTo("Too many attempts");
        assertThat(view.i18n.getErrorMessage().getMessage())
                .isEqualTo("Too many failed sign-ins for this name from your network. Try again in 42 seconds.");
    }

    @Test
    void aWrongPasswordSaysWhatToCheck() {
        view.show(QueryParameters.simple(Map.of("error", "")));

        assertThat(view.form.isError()).isTrue();
        assertThat(view.i18n.getErrorMessage().getMessage()).startsWith("Check your username and password");
    }

    @Test
    void aNewAccountIsWelcomedAndNothingIsWrongYet() {
        view.show(QueryParameters.simple(Map.of("registered", "1")));

        assertThat(view.form.isError()).isFalse();
        assertThat(view.notice.isVisible()).isTrue();
        assertThat(view.notice.getText()).startsWith("Your account is ready.");
    }
}
