package org.laymanlabs.frontend.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import org.laymanlabs.backend.account.LoginThrottle;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Turns the sign-in form's post away while its name and address are throttled, before the password
 * is looked at, and sends the browser back to the sign-in page with how long to wait.
 */
final class LoginThrottleFilter extends OncePerRequestFilter {

    private final LoginThrottle throttle;
    private final String loginPath;

    LoginThrottleFilter(LoginThrottle throttle, String loginPath) {
        this.throttle = throttle;
        this.loginPath = "/" + loginPath;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod())
                || !request.getRequestURI().equals(request.getContextPath() + loginPath);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<Duration> blocked = throttle.blockedFor(request.getParameter("username"), request.getRemoteAddr());
        if (blocked.isPresent()) {
            long seconds = Math.max(1, (blocked.get().toMillis() + 999) / 1000);
            response.sendRedirect(request.getContextPath() + loginPath + "?locked=" + seconds);
            return;
        }
        chain.doFilter(request, response);
    }
}
