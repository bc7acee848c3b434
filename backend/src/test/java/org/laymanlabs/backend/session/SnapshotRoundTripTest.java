package org.laymanlabs.backend.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A snapshot is the sandbox's journal; restoring replays it. These tests compare the whole
 * observable state (containers, images, networks, every node's rules with their counters, every
 * namespace's links and routes, the cluster's objects and etcd keys, the files, the history and
 * the clock) of a sandbox and of its restored copy.
 */
class SnapshotRoundTripTest {

    private static final Instant START = Instant.parse("2026-03-02T09:00:00Z");

    private final ExecutorService pool = Executors.newFixedThreadPool(2);

    @AfterEach
    void stopPool() {
        pool.shutdownNow();
    }

    private SandboxActor restore(SandboxJournal journal) {
        return SandboxActor.restore(journal, new ShellLab(), pool, saved -> { });
    }

    /** A learner's morning: a build, containers, a cluster app, rules, a followed log, a check and time passing. */
    private static void work(SandboxActor actor) {
        actor.writeFile("/home/learner/Dockerfile", "FROM alpine:3.20\nRUN echo hi > /hi\nCMD [\"cat\", \"/hi\"]\n");
        actor.run("docker build -t shop:v1 .");
        actor.run("docker network create shopnet");
        actor.run("docker run -d --name web --network shopnet -p 8080:80 nginx");
        actor.tick(Duration.ofSeconds(3));
        actor.run("curl -s localhost:8080 | head -3");
        actor.start("docker logs -f web", (stream, text) -> { });
        actor.tick(Duration.ofSeconds(4));
        actor.interrupt();
        actor.writeFile("/home/learner/web.yaml", """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: web
                spec:
                  replicas: 3
                  selector:
                    matchLabels: {app: web}
                  template:
                    metadata:
                      labels: {app: web}
                    spec:
                      containers:
                      - name: nginx
                        image: nginx
                """);
        actor.run("kubectl apply -f web.yaml");
        actor.tick(Duration.ofSeconds(40));
        actor.run("kubectl expose deployment web --port 80 --type NodePort");
        actor.run("iptables -I INPUT -p tcp --dport 22 -j DROP");
        actor.run("kubectl scale deployment web --replicas 2");
        actor.run("docker run --name bad alpine false");
        actor.run("echo done > notes.txt; cat nothere");
        actor.check("web");
        actor.tick(Duration.ofSeconds(75));
    }

    @Test
    void aRestoredSandboxShowsExactlyWhatTheOriginalShowed() {
        SandboxActor original = restore(SandboxJournal.fresh("demo", 7, START));
        work(original);
        SandboxJournal journal = original.journal().join();

        SandboxActor restored = restore(SnapshotCodec.decode(SnapshotCodec.encode(journal)));

        assertThat(restored.journal().join()).isEqualTo(journal);
        assertThat(restored.history().join()).isEqualTo(original.history().join()).hasSize(11);
        String before = original.query(ObservableState::of).join();
        assertThat(before).contains("shop", "shopnet", "web-", "--dport 22", "NodePort", "KUBE-SVC-", "done");
        assertThat(restored.query(ObservableState::of).join()).isEqualTo(before);
    }

    @Test
    void aRestoredSandboxGoesOnAsTheOriginalWouldHave() {
        SandboxActor original = restore(SandboxJournal.fresh("demo", 7, START));
        work(original);
        SandboxActor restored = restore(original.journal().join());

        for (SandboxActor actor : new SandboxActor[] {original, restored}) {
            actor.run("docker run -d redis");
            actor.run("kubectl create deployment api --image=nginx --replicas=2");
            actor.tick(Duration.ofSeconds(30));
        }

        assertThat(restored.run("docker ps -a --no-trunc; kubectl get pods -o wide").join())
                .isEqualTo(original.run("docker ps -a --no-trunc; kubectl get pods -o wide").join());
    }

    /**
     * A long, busy session: 400 lines typed and 40 saves of a 40-line manifest over two hours. A
     * thousand such snapshots must fit in 50 MB (issue 7), so one may take 50,000 bytes.
     */
    @Test
    void aThousandSnapshotsOfLongSessionsFitInFiftyMegabytes() {
        SandboxJournal journal = SandboxJournal.fresh("demo", 7, START);
        Instant at = START;
        for (int i = 0; i < 400; i++) {
            at = at.plusSeconds(17);
            journal = journal.with(new JournalEntry.Typed(at, "kubectl scale deployment web-" + (i % 7) + " --replicas=" + i % 5));
            if (i % 10 == 0) {
                StringBuilder manifest = new StringBuilder();
                for (int line = 0; line < 40; line++) {
                    manifest.append("  - name: container-").append(line).append("\n    image: nginx:1.").append(i + line).append('\n');
                }
                journal = journal.with(new JournalEntry.FileWritten(at, "/home/learner/web-" + i + ".yaml", manifest.toString()));
            }
        }

        assertThat(SnapshotCodec.encode(journal).length).isLessThanOrEqualTo(50_000);
        assertThat(SnapshotCodec.decode(SnapshotCodec.encode(journal))).isEqualTo(journal);
    }

    @Test
    void aSnapshotIsStoredCompressed() {
        SandboxActor original = restore(SandboxJournal.fresh("demo", 7, START));
        work(original);

        byte[] stored = SnapshotCodec.encode(original.journal().join());

        assertThat(stored.length).isLessThan(2_000);
    }
}
