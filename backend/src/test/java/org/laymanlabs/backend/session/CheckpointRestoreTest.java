package org.laymanlabs.backend.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * An evicted sandbox is saved with a checkpoint of its whole state beside its journal, and restored
 * from it: the restored sandbox must be the one that was evicted, to the last counter, and go on as
 * it would have. Whenever the checkpoint cannot serve (the journal was rewound before it, its bytes
 * are damaged, a command was running) the journal alone restores the same sandbox, only slower.
 */
class CheckpointRestoreTest {

    private static final Instant START = Instant.parse("2026-03-02T09:00:00Z");

    private final ExecutorService pool = Executors.newFixedThreadPool(2);

    @AfterEach
    void stopPool() {
        pool.shutdownNow();
    }

    private SandboxActor fresh() {
        return SandboxActor.restore(SandboxJournal.fresh("demo", 7, START), new ShellLab(), pool, saved -> { });
    }

    private SandboxActor restore(StoredSandbox stored) {
        return SandboxActor.restore(stored, new ShellLab(), ApiDispatchers.none(), pool, saved -> { });
    }

    /** A short session: a build, containers, rules, a cluster app, a check, time passing. */
    private static void work(SandboxActor actor) {
        actor.writeFile("/home/learner/Dockerfile", "FROM alpine:3.20\nRUN echo hi > /hi\nCMD [\"cat\", \"/hi\"]\n");
        actor.run("docker build -t shop:v1 .");
        actor.run("docker run -d --name web -p 8080:80 nginx");
        actor.tick(Duration.ofSeconds(3));
        actor.run("curl -s localhost:8080 | head -3");
        actor.run("kubectl create deployment web --image=nginx --replicas=3");
        actor.tick(Duration.ofSeconds(40));
        actor.run("kubectl expose deployment web --port 80 --type NodePort");
        actor.run("iptables -I INPUT -p tcp --dport 22 -j DROP");
        actor.run("echo done > notes.txt");
        actor.check("web");
        actor.tick(Duration.ofSeconds(75));
    }

    private static StoredSandbox stored(SandboxState state, SandboxCheckpoint checkpoint) {
        return new StoredSandbox(state.journal(), Optional.ofNullable(checkpoint), state.history());
    }

    @Test
    void aSandboxRestoredFromItsCheckpointIsTheSandboxThatWasEvicted() {
        SandboxActor original = fresh();
        work(original);
        SandboxState evicted = original.stateToEvict().join();
        assertThat(evicted.checkpoint()).as("the evicted sandbox's checkpoint").isNotNull();

        SandboxActor restored = restore(stored(evicted, evicted.checkpoint()));

        assertThat(restored.restoredFromCheckpoint().join()).isTrue();
        assertThat(restored.journal().join()).isEqualTo(evicted.journal());
        assertThat(restored.history().join()).isEqualTo(original.history().join());
        assertThat(restored.query(ObservableState::of).join()).isEqualTo(original.query(ObservableState::of).join());
        for (SandboxActor actor : List.of(original, restored)) {
            actor.run("docker run -d redis");
            actor.run("kubectl create deployment api --image=nginx --replicas=2");
            actor.tick(Duration.ofSeconds(30));
        }
        assertThat(restored.run("docker ps -a --no-trunc; kubectl get pods -o wide; history").join())
                .isEqualTo(original.run("docker ps -a --no-trunc; kubectl get pods -o wide; history").join());
        assertThat(restored.query(ObservableState::of).join()).isEqualTo(original.query(ObservableState::of).join());
    }

    @Test
    void theInputsSavedAfterTheCheckpointAreReplayedOnTopOfIt() {
        SandboxActor original = fresh();
        work(original);
        SandboxCheckpoint checkpoint = original.stateToEvict().join().checkpoint();
        original.run("docker rm -f web");
        original.run("kubectl scale deployment web --replicas=1");
        original.tick(Duration.ofSeconds(20));
        SandboxState later = original.state().join();

        SandboxActor restored = restore(stored(later, checkpoint));

        assertThat(restored.restoredFromCheckpoint().join()).isTrue();
        assertThat(restored.journal().join()).isEqualTo(later.journal());
        assertThat(restored.history().join()).isEqualTo(later.history());
        assertThat(restored.query(ObservableState::of).join()).isEqualTo(original.query(ObservableState::of).join());
    }

    @Test
    void aCheckpointTakenAfterTheJournalWasRewoundIsNotUsed() {
        SandboxActor original = fresh();
        work(original);
        SandboxCheckpoint checkpoint = original.stateToEvict().join().checkpoint();
        SandboxJournal whole = original.journal().join();
        SandboxJournal rewound = new SandboxJournal(SandboxJournal.FORMAT, whole.labId(), whole.seed(), whole.startTime(),
                whole.entries().subList(0, 3), whole.entries().get(2).at());
        SandboxActor replayed = SandboxActor.restore(rewound, new ShellLab(), pool, saved -> { });

        SandboxActor restored = restore(new StoredSandbox(rewound, Optional.ofNullable(checkpoint), List.of()));

        assertThat(restored.restoredFromCheckpoint().join()).isFalse();
        assertThat(restored.journal().join()).isEqualTo(rewound);
        assertThat(restored.query(ObservableState::of).join()).isEqualTo(replayed.query(ObservableState::of).join());
    }

    @Test
    void aDamagedCheckpointIsReplacedByTheJournal() {
        SandboxActor original = fresh();
        work(original);
        SandboxState evicted = original.stateToEvict().join();
        SandboxCheckpoint real = evicted.checkpoint();
        byte[] damaged = real == null ? new byte[] {'L', 'L', 'C', 'P', 1, 9, 9} : real.bytes();
        damaged[damaged.length / 2] ^= 0x5A;
        SandboxCheckpoint broken = new SandboxCheckpoint(damaged, evicted.journal().entries().size(),
                evicted.journal().now(), SnapshotCodec.fingerprint(evicted.journal(), evicted.journal().entries().size()));

        SandboxActor restored = restore(stored(evicted, broken));

        assertThat(restored.restoredFromCheckpoint().join()).isFalse();
        assertThat(restored.journal().join()).isEqualTo(evicted.journal());
        assertThat(restored.history().join()).isEqualTo(original.history().join());
        assertThat(restored.query(ObservableState::of).join()).isEqualTo(original.query(ObservableState::of).join());
    }

    @Test
    void aSandboxEvictedWhileACommandRunsIsSavedWithItsJournalOnly() {
        SandboxActor original = fresh();
        original.run("docker run -d --name web nginx");
        original.start("docker logs -f web", (stream, text) -> { });

        assertThat(original.stateToEvict().join().checkpoint()).isNull();
    }
}
