package org.laymanlabs.backend.web.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import org.laymanlabs.backend.account.LoginThrottle;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses an HTTP Basic sign-in with 429 Too Many Requests and a Retry-After while its name and
 * address are throttled ({@link LoginThrottle}), before the password is looked at.
 */
final class BasicAuthThrottle extends OncePerRequestFilter {

    private final LoginThrottle throttle;

    BasicAuthThrottle(LoginThrottle throttle) {
        this.throttle = throttle;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<Duration> blocked = username(request.getHeader("Authorization"))
                .flatMap(name -> throttle.blockedFor(name, request.getRemoteAddr()));
        if (blocked.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        long seconds = Math.max(1, (blocked.get().toMillis() + 999) / 1000);
        response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
        response.setHeader("Retry-After", Long.toString(seconds));
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write("{\"status\":429,\"title\":\"Too Many Requests\",\"detail\":\"too many failed sign-ins: "
                + "try again in " + LoginThrottle.describe(blocked.get()) + "\"}");
    }

    /** The name of a Basic credential; the password part is never decoded into a string of its own. */
    static Optional<String> username(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Optional.empty();
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).strip()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon < 0 ? Optional.empty() : Optional.of(decoded.substring(0, colon));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
