package org.laymanlabs.frontend.account;

import com.vaadin.flow.spring.security.AuthenticationContext;
import java.util.Optional;
import org.laymanlabs.backend.account.Account;
import org.laymanlabs.backend.account.Accounts;
import org.laymanlabs.backend.account.Caller;
import org.springframework.stereotype.Component;

/** Who is signed in to this browser session, as the backend's services want it: a {@link Caller}. */
@Component
public class SignedIn {

    private final AuthenticationContext authentication;
    private final Accounts accounts;

    SignedIn(AuthenticationContext authentication, Accounts accounts) {
        this.authentication = authentication;
        this.accounts = accounts;
    }

    /** The signed-in account, or empty for a visitor (and for an account an admin has disabled since it signed in). */
    public Optional<Caller> caller() {
        return authentication.getPrincipalName().flatMap(accounts::findByUsername)
                .filter(account -> !account.disabled()).map(Account::asCaller);
    }

    /** The signed-in account on a page that requires one (its route says so). */
    public Caller required() {
        return caller().orElseThrow(() -> new IllegalStateException("this page needs a signed-in account"));
    }

    public void signOut() {
        authentication.logout();
    }
}
