package org.laymanlabs.backend.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.laymanlabs.backend.BackendTestApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.crypto.password.PasswordEncoder;

/** The first start of an installation without LAYMAN_ADMIN_PASSWORD, with self-registration switched off. */
@ExtendWith(OutputCaptureExtension.class)
class FirstAdminTest {

    private static final Pattern PRINTED = Pattern.compile("Created the admin account 'admin' with the password (\\S+) ");

    @TempDir
    Path dataDir;

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(BackendTestApplication.class)
                .web(WebApplicationType.NONE)
                .run("--layman.data-dir=" + dataDir, "--layman.sessions.tick=0",
                        "--layman.accounts.admin-password=", "--layman.accounts.self-registration=false");
    }

    @Test
    void theGeneratedAdminPasswordIsPrintedOnceAndSignsInAndNobodyMaySignUp(CapturedOutput output) {
        String password;
        try (ConfigurableApplicationContext first = start()) {
            Matcher printed = PRINTED.matcher(output.getAll());
            assertThat(printed.find()).as("the log names the generated password").isTrue();
            password = printed.group(1);
            Account admin = first.getBean(Accounts.class).findByUsername("admin").orElseThrow();
            assertThat(admin.role()).isEqualTo(Role.ADMIN);
            assertThat(first.getBean(PasswordEncoder.class).matches(password, admin.passwordHash())).isTrue();
            assertThat(admin.passwordHash()).startsWith("$2a$").doesNotContain(password);
            assertThatThrownBy(() -> first.getBean(Accounts.class).register("eve", "long enough"))
                    .isInstanceOf(AccessControl.Forbidden.class)
                    .hasMessage("self-registration is switched off here: ask your instructor for an account");
        }

        try (ConfigurableApplicationContext second = start()) {
            assertThat(output.getAll().split("Created the admin account", -1)).hasSize(2);
            assertThat(output.getAll()).containsOnlyOnce(password);
        }
    }
}
