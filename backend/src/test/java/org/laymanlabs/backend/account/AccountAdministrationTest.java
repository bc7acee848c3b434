package org.laymanlabs.backend.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.laymanlabs.backend.BackendTestApplication;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The admin's users page: listing accounts, changing roles, and switching accounts off. */
@SpringBootTest(classes = BackendTestApplication.class)
class AccountAdministrationTest {

    @TempDir
    static Path dataDir;

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        registry.add("layman.data-dir", () -> dataDir.toString());
        registry.add("layman.sessions.tick", () -> "0");
        registry.add("layman.accounts.admin-password", () -> "admin password");
    }

    @Autowired
    Accounts accounts;
    @Autowired
    UserDetailsService users;

    private Account learner() {
        return accounts.create("ada-" + UUID.randomUUID().toString().substring(0, 6), "long enough", Role.LEARNER);
    }

    private Caller admin() {
        return accounts.caller("admin");
    }

    @Test
    void anAdminMakesALearnerAnInstructor() {
        Account ada = learner();

        accounts.changeRole(admin(), ada.id(), Role.INSTRUCTOR);

        assertThat(accounts.caller(ada.username()).role()).isEqualTo(Role.INSTRUCTOR);
        assertThat(users.loadUserByUsername(ada.username()).getAuthorities()).extracting(Object::toString)
                .containsExactly("ROLE_INSTRUCTOR");
    }

    @Test
    void aDisabledAccountCannotSignInUntilItIsEnabledAgain() {
        Account ada = learner();

        accounts.setDisabled(admin(), ada.id(), true);
        assertThat(users.loadUserByUsername(ada.username()).isEnabled()).isFalse();

        accounts.setDisabled(admin(), ada.id(), false);
        assertThat(users.loadUserByUsername(ada.username()).isEnabled()).isTrue();
    }

    @Test
    void anAdminCannotDemoteOrDisableThemselves() {
        UUID self = admin().accountId();

        assertThatThrownBy(() -> accounts.changeRole(admin(), self, Role.LEARNER))
                .hasMessage("you cannot change your own role: ask another admin");
        assertThatThrownBy(() -> accounts.setDisabled(admin(), self, true))
                .hasMessage("you cannot disable your own account: ask another admin");
        assertThat(admin().role()).isEqualTo(Role.ADMIN);
    }

    @Test
    void onlyAnAdminListsOrChangesAccounts() {
        Account ada = learner();
        Caller learner = ada.asCaller();

        assertThatThrownBy(() -> accounts.all(learner)).isInstanceOf(AccessControl.Forbidden.class);
        assertThatThrownBy(() -> accounts.changeRole(learner, ada.id(), Role.ADMIN))
                .hasMessage("only admins manage accounts");
        assertThat(accounts.all(admin())).extracting(Account::username).contains("admin", ada.username());
    }
}
