package org.laymanlabs.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.laymanlabs.backend.session.LabSandboxes;
import org.laymanlabs.backend.session.SandboxActor;
import org.laymanlabs.backend.session.SandboxJournal;
import org.laymanlabs.backend.session.HistoryLine;
import org.laymanlabs.backend.session.SandboxCheckpoint;
import org.laymanlabs.backend.session.SandboxState;
import org.laymanlabs.backend.session.SnapshotCodec;
import org.laymanlabs.backend.session.StoredSandbox;
import org.laymanlabs.sandbox.Sandbox;
import org.laymanlabs.sandbox.SandboxSpec;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Restoring a learner's sandbox from its stored snapshot (issue 7: goal at most 20 ms): decoding
 * the gzip JSON journal and replaying it into a new sandbox. A journal replays every input and
 * every second its clock ran, so the cost grows with the session's active minutes; the parameter
 * is how many virtual minutes the session's fifteen inputs are spread over.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Thread)
public class SnapshotBenchmark {

    private static final Instant START = Instant.parse("2026-11-26T09:00:00Z");
    private static final Executor DIRECT = Runnable::run;

    /** The default sandbox shape, without checks, as sessions build it before the lab package binds its own. */
    static final LabSandboxes DEFAULT_SHAPE = new LabSandboxes() {
        @Override
        public Sandbox create(String labId, long seed, Instant startTime) {
            return Sandbox.create(new SandboxSpec(seed, startTime));
        }

        @Override
        public List<CheckOutcome> check(String labId, String stepId, Sandbox sandbox) {
            return List.of();
        }
    };

    private static final List<String> SESSION = List.of(
            "docker run -d --name web -p 8080:80 nginx", "docker ps", "curl -s localhost:8080 | head -3",
            "docker build -t shop:v1 .", "docker images", "kubectl get nodes",
            "kubectl create deployment web --image=nginx --replicas=3", "kubectl get pods -o wide",
            "kubectl expose deployment web --port 80", "kubectl get svc", "iptables -t nat -L -n",
            "docker logs web", "kubectl scale deployment web --replicas=2", "echo done > notes.txt");

    @Param({"0", "5", "30"})
    public int activeMinutes;

    byte[] stored;
    SandboxJournal journal;
    /** The checkpoint an eviction at the session's end saves beside the journal; null if it was refused. */
    SandboxCheckpoint checkpoint;
    List<HistoryLine> history;

    @Setup
    public void recordASession() {
        SandboxActor actor = SandboxActor.restore(SandboxJournal.fresh("bench", 7, START), DEFAULT_SHAPE, DIRECT, s -> { });
        actor.writeFile("/home/learner/Dockerfile", "FROM alpine:3.20\nRUN echo hi > /hi\nCMD [\"cat\", \"/hi\"]\n");
        Duration between = Duration.ofMinutes(activeMinutes).dividedBy(SESSION.size());
        for (String line : SESSION) {
            actor.run(line);
            actor.tick(between);
        }
        SandboxState evicted = actor.stateToEvict().join();
        journal = evicted.journal();
        checkpoint = evicted.checkpoint();
        history = evicted.history();
        stored = SnapshotCodec.encode(journal);
        System.out.printf("%n%d active minutes: snapshot %d bytes, checkpoint %d bytes, 1,000 of both %.1f MB%n",
                activeMinutes, stored.length, checkpointSize(), (stored.length + checkpointSize()) * 1000 / 1e6);
    }

    int checkpointSize() {
        return checkpoint == null ? 0 : checkpoint.bytes().length;
    }

    /** As a learner's return restores it: the journal decoded, the checkpoint loaded, the inputs after it replayed (none). */
    @Benchmark
    public SandboxJournal restoreASnapshot() {
        SandboxActor actor = SandboxActor.restore(new StoredSandbox(SnapshotCodec.decode(stored), Optional.ofNullable(checkpoint),
                history), DEFAULT_SHAPE, DIRECT, s -> { });
        if (checkpoint != null && !actor.restoredFromCheckpoint().join()) {
            throw new IllegalStateException("the checkpoint was not used");
        }
        return actor.journal().join();
    }

    /** The journal alone, as after an upgrade to another build: a new sandbox and every input again. */
    @Benchmark
    public SandboxJournal replayAJournal() {
        return SandboxActor.restore(SnapshotCodec.decode(stored), DEFAULT_SHAPE, DIRECT, s -> { }).journal().join();
    }
}
