package org.laymanlabs.backend.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.laymanlabs.backend.BackendTestApplication;
import org.laymanlabs.backend.account.Accounts;
import org.laymanlabs.backend.account.Caller;
import org.laymanlabs.backend.account.Role;
import org.laymanlabs.backend.progress.AttemptProgress;
import org.laymanlabs.backend.progress.Attempts;
import org.laymanlabs.backend.progress.Grading;
import org.laymanlabs.backend.progress.TestCourse;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The server restarts and the learner finds everything as they left it: files, containers,
 * images, rules, objects, the terminal's history, the sandbox's clock and their progress. Both
 * runs use the same H2 file in a temporary data directory.
 */
class SessionRestartTest {

    @TempDir
    Path dataDir;

    /** The database arguments: none for the embedded H2 file ({@link SessionRestartOnPostgresTest} names a server). */
    List<String> database() {
        return List.of();
    }

    private ConfigurableApplicationContext start() {
        List<String> args = new java.util.ArrayList<>(List.of(
                "--layman.data-dir=" + dataDir, "--layman.sessions.tick=0", "--layman.accounts.admin-password=adminadmin"));
        args.addAll(database());
        return new SpringApplicationBuilder(BackendTestApplication.class, TestCourse.class)
                .web(WebApplicationType.NONE)
                .run(args.toArray(String[]::new));
    }

    private record Seen(UUID attemptId, String state, List<HistoryLine> history, AttemptProgress progress) {
    }

    private static Seen look(ConfigurableApplicationContext app, Caller ada) {
        Attempts attempts = app.getBean(Attempts.class);
        UUID attemptId = attempts.startOrResume(ada, TestCourse.LAB).id();
        SandboxActor sandbox = attempts.sandbox(ada, attemptId);
        return new Seen(attemptId, sandbox.query(ObservableState::ofCopy).join(), sandbox.history().join(),
                app.getBean(Grading.class).progress(ada, attemptId));
    }

    @Test
    void afterARestartTheLearnerFindsTheSameSandboxHistoryAndProgress() {
        Seen before;
        Caller ada;
        try (ConfigurableApplicationContext first = start()) {
            ada = first.getBean(Accounts.class).create("ada", "correct horse", Role.LEARNER).asCaller();
            Attempts attempts = first.getBean(Attempts.class);
            UUID attemptId = attempts.startOrResume(ada, TestCourse.LAB).id();
            SandboxActor sandbox = attempts.sandbox(ada, attemptId);
            sandbox.writeFile("/home/learner/Dockerfile", "FROM alpine:3.20\nRUN echo hi > /hi\n").join();
            attempts.run(ada, attemptId, "docker build -t shop:v1 .");
            attempts.run(ada, attemptId, "docker run -d --name web -p 8080:80 nginx");
            attempts.run(ada, attemptId, "kubectl create deployment web --image=nginx --replicas=2");
            // Nanoseconds, as a clock that runs in real time has them and a database column does not keep.
            sandbox.tick(Duration.ofSeconds(45).plusNanos(123)).join();
            attempts.run(ada, attemptId, "iptables -A INPUT -s 10.9.9.9 -j DROP");
            assertThat(first.getBean(Grading.class).check(ada, attemptId, "web").passed()).isTrue();
            first.getBean(Grading.class).nextHint(ada, attemptId, "web");
            before = look(first, ada);
        }
        // A server that starts again knows no base. (In another JVM the base it builds again is other
        // bytes, and the checkpoint's comes from the database: SessionStoreTest.)
        CheckpointBases.forgetAll();

        try (ConfigurableApplicationContext second = start()) {
            assertThat(second.getBean(Sessions.class).liveCount()).isZero();
            Seen after = look(second, ada);
            assertThat(second.getBean(Attempts.class).sandbox(ada, after.attemptId()).restoredFromCheckpoint().join())
                    .as("restored from the checkpoint the clean stop saved").isTrue();

            assertThat(after.attemptId()).isEqualTo(before.attemptId());
            assertThat(after.state()).contains("shop", "web", "10.9.9.9", "web-").isEqualTo(before.state());
            assertThat(after.history()).hasSize(4).isEqualTo(before.history());
            assertThat(after.progress()).isEqualTo(before.progress());
            assertThat(after.progress().steps().get(0).completed()).isTrue();
            SessionStore store = second.getBean(SessionStore.class);
            assertThat(store.files(after.attemptId())).containsOnlyKeys("/home/learner/Dockerfile");
            assertThat(store.history(after.attemptId())).isEqualTo(after.history());
        }
        if (database().isEmpty()) {
            assertThat(dataDir.resolve("db/layman.mv.db")).exists();
        }
    }

    @Test
    void anActiveLearnersClockRunsInRealTimeAndStandsStillOnceTheyStop() {
        try (ConfigurableApplicationContext app = start()) {
            Caller cy = app.getBean(Accounts.class).create("cyd", "correct horse", Role.LEARNER).asCaller();
            Attempts attempts = app.getBean(Attempts.class);
            UUID attemptId = attempts.startOrResume(cy, TestCourse.LAB).id();
            SandboxActor sandbox = attempts.sandbox(cy, attemptId);
            Instant used = Instant.now();
            Instant virtual = sandbox.query(s -> s.clock().now()).join();
            Sessions sessions = app.getBean(Sessions.class);

            sessions.tickAll(used.plusSeconds(60));
            Instant afterAMinute = sandbox.query(s -> s.clock().now()).join();
            sessions.tickAll(used.plus(Duration.ofMinutes(30)));

            assertThat(Duration.between(virtual, afterAMinute)).isBetween(Duration.ofSeconds(60), Duration.ofSeconds(70));
            assertThat(sandbox.query(s -> s.clock().now()).join()).isEqualTo(afterAMinute);
        }
    }

    @Test
    void anIdleSandboxIsSavedAndDroppedAndComesBackTheSameOnReturn() {
        try (ConfigurableApplicationContext app = start()) {
            Caller bob = app.getBean(Accounts.class).create("bob", "correct horse", Role.LEARNER).asCaller();
            Attempts attempts = app.getBean(Attempts.class);
            UUID attemptId = attempts.startOrResume(bob, TestCourse.LAB).id();
            attempts.run(bob, attemptId, "docker run -d --name web nginx");
            attempts.sandbox(bob, attemptId).tick(Duration.ofSeconds(20)).join();
            String before = attempts.sandbox(bob, attemptId).query(ObservableState::ofCopy).join();
            Sessions sessions = app.getBean(Sessions.class);

            assertThat(sessions.evictIdle(Instant.now().plus(Duration.ofMinutes(29)))).isZero();
            assertThat(sessions.evictIdle(Instant.now().plus(Duration.ofMinutes(31)))).isEqualTo(1);
            assertThat(sessions.ifLive(attemptId)).isEmpty();

            assertThat(attempts.sandbox(bob, attemptId).query(ObservableState::ofCopy).join()).isEqualTo(before);
            assertThat(attempts.sandbox(bob, attemptId).restoredFromCheckpoint().join())
                    .as("restored from the checkpoint its eviction saved").isTrue();
        }
    }
}
