package org.laymanlabs.frontend;

import com.microsoft.playwright.Page;
import java.util.UUID;
import org.laymanlabs.backend.account.Accounts;
import org.laymanlabs.backend.account.Role;

/**
 * Signing in for the browser tests, through the sign-in page as a person does, now that the
 * workspace and the instructor pages need an account.
 */
public final class SignIn {

    public static final String PASSWORD = "a long enough password";

    private SignIn() {
    }

    /** A new account with a unique name (tests share one app) and {@link #PASSWORD}; returns its username. */
    public static String newAccount(Accounts accounts, String name, Role role) {
        String username = name + "-" + UUID.randomUUID().toString().substring(0, 6);
        accounts.create(username, PASSWORD, role);
        return username;
    }

    /** Creates a learner and signs this page in as them; returns the username. */
    public static String asNewLearner(Page page, String baseUrl, Accounts accounts) {
        String username = newAccount(accounts, "learner", Role.LEARNER);
        as(page, baseUrl, username, PASSWORD);
        return username;
    }

    /** Fills in the sign-in form and waits until the app has let the page in. */
    public static void as(Page page, String baseUrl, String username, String password) {
        page.navigate(baseUrl + "/login");
        submit(page, username, password);
        page.waitForURL(url -> !url.contains("/login"));
    }

    /** Fills in and sends the sign-in form, whatever the answer. */
    public static void submit(Page page, String username, String password) {
        page.locator("vaadin-login-form input[name='username']").fill(username);
        page.locator("vaadin-login-form input[name='password']").fill(password);
        page.locator("vaadin-login-form input[name='password']").press("Enter");
    }
}
