package org.laymanlabs.backend.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.laymanlabs.backend.BackendTestApplication;
import org.laymanlabs.backend.account.Accounts;
import org.laymanlabs.backend.account.Caller;
import org.laymanlabs.backend.account.Role;
import org.laymanlabs.backend.progress.Attempts;
import org.laymanlabs.backend.progress.TestCourse;
import org.laymanlabs.sandbox.Sandbox;
import org.laymanlabs.sandbox.checkpoint.CheckpointBase;
import org.laymanlabs.sandbox.checkpoint.Checkpoints;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** The scrollback as saved after each input: new lines added, the oldest beyond 500 dropped, a rewound history replacing it. */
class SessionStoreTest {

    private static final Instant AT = Instant.parse("2026-11-26T12:00:00Z");

    @TempDir
    Path dataDir;

    private ConfigurableApplicationContext app;
    private SessionStore store;
    private UUID attemptId;

    @BeforeEach
    void start() {
        app = new SpringApplicationBuilder(BackendTestApplication.class, TestCourse.class).web(WebApplicationType.NONE)
                .run("--layman.data-dir=" + dataDir, "--layman.sessions.tick=0");
        Caller ada = app.getBean(Accounts.class).create("ada", "correct horse", Role.LEARNER).asCaller();
        attemptId = app.getBean(Attempts.class).startOrResume(ada, TestCourse.LAB).id();
        store = app.getBean(SessionStore.class);
    }

    @AfterEach
    void stop() {
        app.close();
    }

    private void saveLines(long first, long last) {
        List<HistoryLine> history = LongStream.rangeClosed(first, last)
                .mapToObj(seq -> new HistoryLine(seq, AT, "echo " + seq, seq + "\n", 0)).toList();
        store.save(attemptId, new SandboxState(SandboxJournal.fresh(TestCourse.LAB, 7, AT), history, Map.of()));
    }

    private List<Long> storedSeqs() {
        return store.history(attemptId).stream().map(HistoryLine::seq).toList();
    }

    @Test
    void eachSaveAddsTheLinesTypedSinceTheLastOne() {
        saveLines(1, 1);
        saveLines(1, 2);
        saveLines(1, 5); // three inputs answered before this save
        saveLines(1, 5); // an input that typed no line

        assertThat(storedSeqs()).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(store.history(attemptId).get(4).line()).isEqualTo("echo 5");
    }

    @Test
    void onlyTheNewest500LinesAreKept() {
        saveLines(1, 499);
        saveLines(1, 500);
        saveLines(2, 501);
        saveLines(30, 529);

        assertThat(storedSeqs()).hasSize(500).startsWith(30L, 31L).endsWith(528L, 529L);
    }

    @Test
    void aHistoryThatWentBackReplacesTheStoredOne() {
        saveLines(1, 40);
        saveLines(1, 3); // the sandbox was rebuilt from an earlier point: a step was reset

        assertThat(storedSeqs()).containsExactly(1L, 2L, 3L);
    }

    private static SandboxJournal journalOf(int inputs) {
        SandboxJournal journal = SandboxJournal.fresh(TestCourse.LAB, 7, AT);
        for (int i = 1; i <= inputs; i++) {
            journal = journal.with(new JournalEntry.Typed(AT.plusSeconds(i), "echo " + i));
        }
        return journal;
    }

    @Test
    void aCheckpointStaysBesideTheJournalAsInputsAreAddedAndGoesWhenTheJournalIsRewoundBeforeIt() {
        SandboxJournal evicted = journalOf(3).at(AT.plusSeconds(10));
        SandboxCheckpoint checkpoint = new SandboxCheckpoint(new byte[] {1, 2, 3}, 3, evicted.now(),
                SnapshotCodec.fingerprint(evicted, 3));
        store.save(attemptId, new SandboxState(evicted, List.of(), Map.of(), checkpoint));
        store.save(attemptId, new SandboxState(journalOf(3).with(new JournalEntry.Typed(AT.plusSeconds(11), "date")),
                List.of(), Map.of()));

        StoredSandbox stored = store.stored(attemptId).orElseThrow();
        assertThat(stored.journal().entries()).hasSize(4);
        assertThat(stored.checkpoint()).hasValueSatisfying(c -> {
            assertThat(c.bytes()).containsExactly(1, 2, 3);
            assertThat(c.entries()).isEqualTo(3);
            assertThat(c.sandboxTime()).isEqualTo(AT.plusSeconds(10));
            assertThat(c.fits(stored.journal())).isTrue();
        });

        store.save(attemptId, new SandboxState(journalOf(2), List.of(), Map.of()));

        assertThat(store.stored(attemptId).orElseThrow().checkpoint()).isEmpty();
    }

    @Test
    void aCheckpointsBaseIsStoredOnceAndGoesWhenNoCheckpointNamesItAnyMore() {
        LabSandboxes labs = app.getBean(LabSandboxes.class);
        CheckpointBaseRepository bases = app.getBean(CheckpointBaseRepository.class);
        SandboxJournal journal = SandboxJournal.fresh(TestCourse.LAB, 7, AT);
        Sandbox sandbox = labs.create(TestCourse.LAB, 7, AT);
        List<CheckpointBase> built = LongStream.of(1, 2, 3)
                .mapToObj(day -> Checkpoints.base(labs.create(TestCourse.LAB, 7, AT.minusSeconds(86_400 * day)))).toList();
        built.forEach(CheckpointBases::adopt);

        for (CheckpointBase base : built) {
            SandboxState evicted = new SandboxState(journal, List.of(), Map.of(), SandboxCheckpoint.of(Checkpoints.save(sandbox, base), journal));
            for (int save = 0; save < 2; save++) { // a second save of the same base stores nothing more
                store.keepBase(evicted);
                store.save(attemptId, evicted);
            }
            assertThat(bases.existsById(base.id())).isTrue();
        }

        // The first base went when the third was stored: by then the second was the one the snapshot named.
        assertThat(bases.existsById(built.get(0).id())).isFalse();
        assertThat(bases.count()).isEqualTo(2);
        assertThat(store.stored(attemptId).orElseThrow().checkpoint().orElseThrow().baseId()).isEqualTo(built.get(2).id());
    }

    @Test
    void aCheckpointWhoseBaseThisJvmNeverBuiltIsRestoredWithTheBaseFromTheDatabase() {
        LabSandboxes labs = app.getBean(LabSandboxes.class);
        SandboxJournal journal = SandboxJournal.fresh(TestCourse.LAB, 7, AT);
        // The base another server built: the lab's sandbox at another instant, not the one this JVM builds.
        CheckpointBase elsewhere = Checkpoints.base(labs.create(TestCourse.LAB, 7, AT.minusSeconds(86_400)));
        CheckpointBases.adopt(elsewhere);
        SandboxState evicted = new SandboxState(journal, List.of(), Map.of(),
                SandboxCheckpoint.of(Checkpoints.save(labs.create(TestCourse.LAB, 7, AT), elsewhere), journal));
        store.keepBase(evicted);
        store.save(attemptId, evicted);
        CheckpointBases.forgetAll(); // as a server that starts afresh

        SandboxActor restored = SandboxActor.restore(store.stored(attemptId).orElseThrow(), labs, Runnable::run, state -> { });

        assertThat(restored.restoredFromCheckpoint().join()).isTrue();
        assertThat(CheckpointBases.forLab(labs, TestCourse.LAB, 7).id()).isNotEqualTo(elsewhere.id());
    }

    @Test
    void aCheckpointDoesNotFitAJournalWhoseFirstInputsDiffer() {
        SandboxJournal evicted = journalOf(3);
        SandboxCheckpoint checkpoint = SandboxCheckpoint.of(new byte[] {1}, evicted);
        SandboxJournal other = SandboxJournal.fresh(TestCourse.LAB, 7, AT)
                .with(new JournalEntry.Typed(AT.plusSeconds(1), "echo 1"))
                .with(new JournalEntry.Typed(AT.plusSeconds(2), "echo two"))
                .with(new JournalEntry.Typed(AT.plusSeconds(3), "echo 3"));

        assertThat(checkpoint.fits(evicted)).isTrue();
        assertThat(checkpoint.fits(evicted.with(new JournalEntry.Typed(AT.plusSeconds(9), "ls")))).isTrue();
        assertThat(checkpoint.fits(other)).isFalse();
        assertThat(checkpoint.fits(journalOf(2))).isFalse();
    }
}
