package org.laymanlabs.frontend.workspace;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinSession;
import jakarta.servlet.http.Cookie;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;
import org.laymanlabs.backend.account.Accounts;
import org.laymanlabs.backend.account.Caller;
import org.laymanlabs.backend.account.Role;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;

/**
 * The learner until sign-in lands: the signed-in account when there is one, else a guest account
 * of this browser's own, made on its first visit and remembered in a cookie, so that a reload or
 * a server restart finds the same attempts. The cookie's name is 96 random bits: as hard to guess
 * as a session id, and like one it is the guest's only key.
 */
@Service
class GuestLearner implements Learner {

    static final String COOKIE = "layman-guest";
    private static final String ATTRIBUTE = GuestLearner.class.getName();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Accounts accounts;

    GuestLearner(Accounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public Caller current() {
        Authentication signedIn = SecurityContextHolder.getContext().getAuthentication();
        if (signedIn != null && signedIn.isAuthenticated() && !(signedIn instanceof AnonymousAuthenticationToken)) {
            return accounts.caller(signedIn.getName());
        }
        VaadinSession session = VaadinSession.getCurrent();
        if (session != null && session.getAttribute(ATTRIBUTE) instanceof Caller known) {
            return known;
        }
        Caller guest = remembered().orElseGet(this::newGuest);
        if (session != null) {
            session.setAttribute(ATTRIBUTE, guest);
        }
        return guest;
    }

    private Optional<Caller> remembered() {
        VaadinRequest request = VaadinRequest.getCurrent();
        Cookie[] cookies = request == null ? null : request.getCookies();
        return Arrays.stream(cookies == null ? new Cookie[0] : cookies)
                .filter(c -> c.getName().equals(COOKIE) && c.getValue().matches("guest-[0-9a-f]{24}"))
                .findFirst()
                .flatMap(c -> accounts.findByUsername(c.getValue()))
                .map(account -> account.asCaller());
    }

    private Caller newGuest() {
        Caller guest = accounts.create("guest-" + random(12), random(24), Role.LEARNER).asCaller();
        UI ui = UI.getCurrent();
        if (ui != null) {
            ui.getPage().executeJs("document.cookie = $0 + '=' + $1 + '; Max-Age=31536000; Path=/; SameSite=Lax'",
                    COOKIE, guest.username());
        }
        return guest;
    }

    private static String random(int bytes) {
        byte[] value = new byte[bytes];
        RANDOM.nextBytes(value);
        return HexFormat.of().formatHex(value);
    }
}
