package org.laymanlabs.backend.account;

import java.security.SecureRandom;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * On the first start (no admin yet) creates one, as Jenkins and Grafana do: with the password an
 * operator put in {@code LAYMAN_ADMIN_PASSWORD}, or else with a random one printed once in the
 * log. Later starts change nothing, so the log never shows a password again.
 */
@Component
class FirstAdmin implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(FirstAdmin.class);

    private final AccountRepository repository;
    private final Accounts accounts;
    private final AccountProperties properties;

    FirstAdmin(AccountRepository repository, Accounts accounts, AccountProperties properties) {
        this.repository = repository;
        this.accounts = accounts;
        this.properties = properties;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (repository.existsByRole(Role.ADMIN)) {
            return;
        }
        String given = properties.adminPassword();
        boolean generated = given == null || given.isEmpty();
        String password = generated ? generate() : given;
        accounts.create(properties.adminUsername(), password, Role.ADMIN);
        if (generated) {
            log.warn("Created the admin account '{}' with the password {} (shown only this once; "
                    + "set LAYMAN_ADMIN_PASSWORD to choose it)", properties.adminUsername(), password);
        } else {
            log.info("Created the admin account '{}' with the password from LAYMAN_ADMIN_PASSWORD", properties.adminUsername());
        }
    }

    private static String generate() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
