package org.laymanlabs.backend.account;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Account settings ({@code layman.accounts.*}; environment variables in docs/operators.md).
 *
 * @param selfRegistration whether anyone may create a learner account ({@code LAYMAN_SELF_REGISTRATION})
 * @param adminUsername    the admin created on first start
 * @param adminPassword    that admin's password ({@code LAYMAN_ADMIN_PASSWORD}); when empty, one is
 *                         generated and printed once in the log
 */
@ConfigurationProperties("layman.accounts")
public record AccountProperties(boolean selfRegistration, String adminUsername, String adminPassword) {

    public AccountProperties {
        adminUsername = adminUsername == null || adminUsername.isBlank() ? "admin" : adminUsername;
    }
}
