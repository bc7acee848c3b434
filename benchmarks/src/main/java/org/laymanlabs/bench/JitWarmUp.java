package org.laymanlabs.bench;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.laymanlabs.sandbox.Sandbox;
import org.laymanlabs.sandbox.SandboxSpec;

/**
 * Brings the harness's JVM to the state of a server that has been up a while, before any figure
 * is taken: the app builds many sandboxes over a day, so its JIT has long compiled the runtime's
 * hot paths, while a fresh JVM interprets them. A probe on a quiet machine showed how slowly a
 * sandbox's creation settles: about 3.4 s of CPU for the first, 270 ms at the 10th, 70 ms at the
 * 40th and under 45 ms only after some 150. Ten warm-up runs per figure (the Sampler's) are far too
 * few for that, so each round here does what a learner's first minutes do (a sandbox, a
 * Deployment and its Service applied until Ready, a few commands at the prompt), and the rounds'
 * own CPU times are reported: the cold JVM's first round is a figure too, the one the app's
 * {@code SandboxWarmUp} takes out of the first learner's path.
 */
final class JitWarmUp {

    private static final List<String> COMMANDS = List.of(
            "kubectl get pods -o wide", "kubectl get svc", "docker run -d --name web -p 8080:80 nginx",
            "curl -s localhost:8080", "docker ps", "iptables -t nat -L -n", "echo done > notes.txt");

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private JitWarmUp() {
    }

    /** Runs {@code rounds} rounds and reports the CPU time of the first, the tenth and the last tenth of them. */
    static List<Figure> rounds(int rounds) {
        double[] cpu = new double[rounds];
        for (int i = 0; i < rounds; i++) {
            long start = THREADS.getCurrentThreadCpuTime();
            round(i);
            cpu[i] = (THREADS.getCurrentThreadCpuTime() - start) / 1e6;
        }
        List<Figure> figures = new ArrayList<>();
        String what = "One learner's first minutes (a sandbox, a Deployment until Ready, " + COMMANDS.size() + " commands), CPU";
        figures.add(Figure.of(what + ", the cold JVM's first round", new Samples(new double[] {cpu[0]}), "ms"));
        if (rounds >= 10) {
            figures.add(Figure.of(what + ", the 10th round", new Samples(new double[] {cpu[9]}), "ms"));
        }
        int tail = Math.max(1, rounds / 10);
        figures.add(Figure.of(what + ", the last " + tail + " of " + rounds + " rounds",
                new Samples(Arrays.copyOfRange(cpu, rounds - tail, rounds)), "ms"));
        return figures;
    }

    private static void round(int i) {
        Sandbox sandbox = Sandbox.create(new SandboxSpec(1_000 + i, SandboxFigures.START));
        sandbox.workspace().write("/home/learner/web.yaml", Manifests.deploymentAndService("web", 3, "ClusterIP"));
        SandboxFigures.applyUntilReady(sandbox, "web", 3);
        for (String command : COMMANDS) {
            var result = sandbox.shell().run(command);
            if (result.exitCode() != 0) {
                throw new IllegalStateException(command + " failed in the warm-up: " + result.stderr());
            }
        }
    }
}
