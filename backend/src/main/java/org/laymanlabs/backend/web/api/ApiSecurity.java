package org.laymanlabs.backend.web.api;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Set;
import org.laymanlabs.backend.account.LoginThrottle;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

/**
 * Security for the REST API ({@code /api/**}) and its OpenAPI documents. A caller signs in with
 * the web UI's session cookie or with HTTP Basic; who may see what is decided by the services
 * ({@code AccessControl}), so the UI and the API share one rule. Requests that change something
 * and ride on a session cookie need the CSRF token, as the UI's do; a script that sends its own
 * {@code Authorization} header needs none, since a browser never adds that header to a forged
 * request by itself. The real-client endpoints ({@code /k8s/**}, the Engine API) get chains of
 * their own, with per-sandbox bearer tokens ({@code SandboxTokens}). Repeated wrong passwords over
 * HTTP Basic are throttled like the UI's sign-in form ({@link LoginThrottle}), with 429 and Retry-After.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class ApiSecurity {

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    @Bean
    @Order(10)
    SecurityFilterChain apiFilterChain(HttpSecurity http, LoginThrottle throttle) throws Exception {
        return http
                .securityMatcher("/api/**", "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html")
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html").permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/accounts").permitAll()
                        .anyRequest().authenticated())
                .httpBasic(Customizer.withDefaults())
                .addFilterBefore(new BasicAuthThrottle(throttle), BasicAuthenticationFilter.class)
                .csrf(csrf -> csrf.requireCsrfProtectionMatcher(ApiSecurity::needsCsrfToken))
                .build();
    }

    private static boolean needsCsrfToken(HttpServletRequest request) {
        return !SAFE_METHODS.contains(request.getMethod()) && request.getHeader("Authorization") == null;
    }
}
