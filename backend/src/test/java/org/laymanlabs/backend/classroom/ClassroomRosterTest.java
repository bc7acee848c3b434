package org.laymanlabs.backend.classroom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.laymanlabs.backend.BackendTestApplication;
import org.laymanlabs.backend.account.AccessControl;
import org.laymanlabs.backend.account.Account;
import org.laymanlabs.backend.account.Accounts;
import org.laymanlabs.backend.account.Caller;
import org.laymanlabs.backend.account.Role;
import org.laymanlabs.backend.progress.Attempts;
import org.laymanlabs.backend.progress.Grading;
import org.laymanlabs.backend.progress.LabAttempt;
import org.laymanlabs.backend.progress.TestCourse;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** An instructor's classroom pages: adding learners by name, assigning labs, and the progress grid. */
@SpringBootTest(classes = {BackendTestApplication.class, TestCourse.class})
class ClassroomRosterTest {

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
    Classrooms classrooms;
    @Autowired
    ClassroomRoster roster;
    @Autowired
    ProgressGrid grid;
    @Autowired
    Attempts attempts;
    @Autowired
    Grading grading;

    private Caller account(String name, Role role) {
        return accounts.create(name + "-" + UUID.randomUUID().toString().substring(0, 6), "long enough", role).asCaller();
    }

    @Test
    void aLearnerAddedByNameAppearsInTheGridForAnAssignedLabBeforeStartingIt() {
        Caller grace = account("grace", Role.INSTRUCTOR);
        Caller ada = account("ada", Role.LEARNER);
        Classroom classroom = classrooms.open(grace, "Monday class");

        roster.addLearner(grace, classroom.id(), " " + ada.username() + " ");
        roster.addLearner(grace, classroom.id(), ada.username());
        roster.assignLab(grace, classroom.id(), TestCourse.LAB);

        assertThat(roster.members(grace, classroom.id())).extracting(Account::username).containsExactly(ada.username());
        List<GridRow> rows = grid.rows(grace, classroom.id());
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).labId()).isEqualTo(TestCourse.LAB);
        assertThat(rows.get(0).attempt()).isEmpty();
        assertThat(rows.get(0).lastCheck()).isEmpty();
    }

    @Test
    void theGridShowsStepsDoneHintsAndTheLastCheckOfALearnersAttempt() {
        Caller grace = account("grace", Role.INSTRUCTOR);
        Caller ada = account("ada", Role.LEARNER);
        Classroom classroom = classrooms.open(grace, "Tuesday class");
        roster.addLearner(grace, classroom.id(), ada.username());
        LabAttempt attempt = attempts.startOrResume(ada, TestCourse.LAB);
        attempts.run(ada, attempt.id(), "docker run -d --name web nginx");
        grading.nextHint(ada, attempt.id(), "web");
        grading.check(ada, attempt.id(), "web");

        GridRow row = grid.rows(grace, classroom.id()).get(0);

        assertThat(row.username()).isEqualTo(ada.username());
        assertThat(row.attempt().orElseThrow().stepsCompleted()).isEqualTo(1);
        assertThat(row.attempt().orElseThrow().hintsUsed()).isEqualTo(1);
        assertThat(row.lastCheck().orElseThrow().stepId()).isEqualTo("web");
        assertThat(row.lastCheck().orElseThrow().passed()).isTrue();
        assertThat(row.time()).isEqualTo(java.time.Duration.between(row.attempt().orElseThrow().startedAt(),
                row.lastCheck().orElseThrow().ranAt()));
    }

    @Test
    void anotherInstructorCannotAddLearnersOrSeeTheGridOfAClassroomThatIsNotTheirs() {
        Caller grace = account("grace", Role.INSTRUCTOR);
        Caller mallory = account("mallory", Role.INSTRUCTOR);
        Caller ada = account("ada", Role.LEARNER);
        Classroom classroom = classrooms.open(grace, "Wednesday class");

        assertThatThrownBy(() -> roster.addLearner(mallory, classroom.id(), ada.username()))
                .isInstanceOf(AccessControl.NotFound.class);
        assertThatThrownBy(() -> grid.rows(mallory, classroom.id())).isInstanceOf(AccessControl.NotFound.class);
        assertThatThrownBy(() -> roster.assignLab(ada, classroom.id(), TestCourse.LAB))
                .isInstanceOf(AccessControl.NotFound.class);
    }

    @Test
    void addingSomeoneUnknownOrAnInstructorOrAnUnknownLabSaysWhatIsWrong() {
        Caller grace = account("grace", Role.INSTRUCTOR);
        Caller alan = account("alan", Role.INSTRUCTOR);
        Classroom classroom = classrooms.open(grace, "Thursday class");

        assertThatThrownBy(() -> roster.addLearner(grace, classroom.id(), "nobody"))
                .hasMessage("username: nobody is called 'nobody' here; they sign up first, or join with the code "
                        + classroom.joinCode());
        assertThatThrownBy(() -> roster.addLearner(grace, classroom.id(), alan.username()))
                .hasMessage("username: " + alan.username() + " is an instructor, not a learner");
        assertThatThrownBy(() -> roster.assignLab(grace, classroom.id(), "no-such-lab"))
                .hasMessage("lab: there is no lab 'no-such-lab' in the catalog");
        assertThat(roster.members(grace, classroom.id())).isEmpty();
    }
}
