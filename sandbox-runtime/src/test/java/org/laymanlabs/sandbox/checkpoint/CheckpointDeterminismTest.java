package org.laymanlabs.sandbox.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.laymanlabs.sandbox.Sandbox;
import org.laymanlabs.sandbox.SandboxSpec;

/**
 * The same sandbox driven through the same inputs is written to the same bytes: a lab's base built
 * again must have the id of the first, a restored sandbox's next checkpoint must be the original's,
 * and two equal sandboxes must not differ by the order a hash table happened to list things in.
 * The session is a cluster's, with minutes of virtual time, so leases, compaction and watch caches
 * take part, as do a container, a built image, a scaled Deployment and a Service.
 */
class CheckpointDeterminismTest {

    private static final Instant START = Instant.parse("2026-11-26T09:00:00Z");

    private static final List<String> SESSION = List.of(
            "docker run -d --name web -p 8080:80 nginx", "docker run -d --name pause busybox sleep 3600",
            "docker ps", "curl -s localhost:8080",
            "docker build -t shop:v1 .", "docker images", "kubectl get nodes",
            "kubectl create deployment web --image=nginx --replicas=3", "kubectl get pods -o wide",
            "kubectl expose deployment web --port 80", "kubectl get svc", "iptables -t nat -L -n",
            "docker logs web", "kubectl scale deployment web --replicas=2", "echo done > notes.txt");

    private static final List<String> AFTERWARDS = List.of(
            "kubectl scale deployment web --replicas=4", "docker run -d --name cache redis",
            "docker run -d --name nap busybox sleep 3600", "kubectl scale deployment coredns -n kube-system --replicas=3",
            "kubectl get pods",
            "curl -s localhost:8080");

    /** The session, one line every half minute, then six quiet minutes: the compactor's five-minute turn comes round. */
    private static Sandbox session() {
        Sandbox sandbox = Sandbox.create(new SandboxSpec(7, START));
        sandbox.workspace().write("/home/learner/Dockerfile", "FROM alpine:3.20\nRUN echo hi > /hi\nCMD [\"cat\", \"/hi\"]\n");
        drive(sandbox, SESSION);
        return sandbox;
    }

    private static void drive(Sandbox sandbox, List<String> lines) {
        for (String line : lines) {
            assertThat(sandbox.shell().run(line).exitCode()).as(line).isZero();
            sandbox.clock().advance(Duration.ofSeconds(30));
        }
        sandbox.clock().advance(Duration.ofMinutes(6));
    }

    @Test
    void twoBuildsOfTheSameSessionAreWrittenToTheSameBytes() {
        Sandbox first = session();
        Sandbox second = session();

        assertSameBytes(Checkpoints.save(second), Checkpoints.save(first));
    }

    @Test
    void aBaseBuiltAgainHasTheSameId() {
        Instant fixed = Instant.parse("2026-01-01T00:00:00Z");

        long first = Checkpoints.base(Sandbox.create(new SandboxSpec(7, fixed))).id();
        long again = Checkpoints.base(Sandbox.create(new SandboxSpec(7, fixed))).id();

        assertThat(again).isEqualTo(first);
        assertThat(Checkpoints.base(session()).id()).isEqualTo(Checkpoints.base(session()).id());
    }

    @Test
    void aCheckpointAgainstABaseBuiltAgainIsTheSameBytes() {
        Instant fixed = Instant.parse("2026-01-01T00:00:00Z");
        CheckpointBase base = Checkpoints.base(Sandbox.create(new SandboxSpec(7, fixed)));
        CheckpointBase rebuilt = Checkpoints.base(Sandbox.create(new SandboxSpec(7, fixed)));
        Sandbox sandbox = session();

        assertSameBytes(Checkpoints.save(sandbox, rebuilt), Checkpoints.save(sandbox, base));
    }

    @Test
    void aRestoredSandboxIsWrittenToTheBytesItWasRestoredFrom() {
        byte[] checkpoint = Checkpoints.save(session());

        assertSameBytes(Checkpoints.save(Checkpoints.restore(checkpoint)), checkpoint);
    }

    @Test
    void aRestoredSandboxDrivenOnIsWrittenToTheOriginalsBytes() {
        Sandbox original = session();
        Sandbox restored = Checkpoints.restore(Checkpoints.save(original));

        drive(original, AFTERWARDS);
        drive(restored, AFTERWARDS);

        assertSameBytes(Checkpoints.save(restored), Checkpoints.save(original));
    }

    /** Where two checkpoints part, instead of two arrays of thousands of bytes. */
    private static void assertSameBytes(byte[] actual, byte[] expected) {
        assertThat(Arrays.mismatch(actual, expected)).as("the first byte that differs (of %d and %d)", actual.length,
                expected.length).isEqualTo(-1);
    }
}
