package org.laymanlabs.backend.authoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.laymanlabs.backend.BackendTestApplication;
import org.laymanlabs.backend.account.AccessControl;
import org.laymanlabs.backend.account.Accounts;
import org.laymanlabs.backend.account.Caller;
import org.laymanlabs.backend.account.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The lab editor's drafts: one per instructor and lab, replaced as they type, kept until discarded. */
@SpringBootTest(classes = BackendTestApplication.class)
class LabDraftsTest {

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
    LabDrafts drafts;

    private Caller account(String name, Role role) {
        return accounts.create(name + "-" + UUID.randomUUID().toString().substring(0, 6), "long enough", role).asCaller();
    }

    @Test
    void anInstructorsDraftIsReplacedAsTheyTypeAndFoundAgainUntilTheyDiscardIt() {
        Caller grace = account("grace", Role.INSTRUCTOR);

        LabDrafts.Draft first = drafts.save(grace, "first-steps", "title: First\n");
        LabDrafts.Draft second = drafts.save(grace, "first-steps", "title: First steps\n");

        assertThat(drafts.find(grace, "first-steps")).contains(second);
        assertThat(second.savedAt()).isAfterOrEqualTo(first.savedAt());
        assertThat(drafts.find(grace, "two-nodes")).isEmpty();
        drafts.discard(grace, "first-steps");
        assertThat(drafts.find(grace, "first-steps")).isEmpty();
        drafts.discard(grace, "first-steps");
    }

    @Test
    void eachInstructorHasTheirOwnDraftOfALab() {
        Caller grace = account("grace", Role.INSTRUCTOR);
        Caller alan = account("alan", Role.ADMIN);

        drafts.save(grace, "first-steps", "grace's\n");
        drafts.save(alan, "first-steps", "alan's\n");

        assertThat(drafts.find(grace, "first-steps")).map(LabDrafts.Draft::source).contains("grace's\n");
        assertThat(drafts.find(alan, "first-steps")).map(LabDrafts.Draft::source).contains("alan's\n");
    }

    @Test
    void aLearnerKeepsNoDraftsAndAnOversizedDraftIsRefusedWithItsLimit() {
        Caller ada = account("ada", Role.LEARNER);
        Caller grace = account("grace", Role.INSTRUCTOR);

        assertThatThrownBy(() -> drafts.save(ada, "first-steps", "x")).isInstanceOf(AccessControl.Forbidden.class)
                .hasMessage("only instructors and admins write labs");
        assertThatThrownBy(() -> drafts.save(grace, "first-steps", "x".repeat(LabDrafts.MAX_CHARS + 1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a draft holds at most 262144 characters; this one has 262145");
        assertThat(drafts.find(grace, "first-steps")).isEmpty();
    }
}
