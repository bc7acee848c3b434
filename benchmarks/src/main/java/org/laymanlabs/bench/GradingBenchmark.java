package org.laymanlabs.bench;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.laymanlabs.backend.grading.Check;
import org.laymanlabs.backend.grading.ContainerCheck;
import org.laymanlabs.backend.grading.FileCheck;
import org.laymanlabs.backend.grading.Grader;
import org.laymanlabs.backend.grading.HistoryCheck;
import org.laymanlabs.backend.grading.ImageCheck;
import org.laymanlabs.backend.grading.ObjectCheck;
import org.laymanlabs.backend.grading.ObjectExpression;
import org.laymanlabs.backend.grading.Origin;
import org.laymanlabs.backend.grading.RequestCheck;
import org.laymanlabs.backend.grading.StepResult;
import org.laymanlabs.sandbox.Sandbox;
import org.laymanlabs.sandbox.SandboxSpec;
import org.laymanlabs.sandbox.container.ContainerStatus;
import org.laymanlabs.sandbox.kube.api.ApiResources;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * "Check my work" on a step of ten checks (issue 7: at most 20 ms): three CEL checks over the
 * cluster's objects, two on containers, two on images, a workspace file, the history, and a
 * real request from outside through Docker's published port. The checks are compiled once,
 * when the lab loads, as the catalog does; only grading is measured.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Thread)
public class GradingBenchmark {

    private static final String WEB = String.join("\n",
            "apiVersion: apps/v1", "kind: Deployment", "metadata:", "  name: web", "spec:", "  replicas: 3",
            "  selector: {matchLabels: {app: web}}", "  template:", "    metadata: {labels: {app: web}}",
            "    spec: {containers: [{name: web, image: \"nginx:1.27\", ports: [{containerPort: 80}]}]}", "---",
            "apiVersion: v1", "kind: Service", "metadata:", "  name: web", "spec:", "  selector: {app: web}",
            "  ports: [{port: 80, targetPort: 80}]", "");

    private final Grader grader = new Grader();
    private Sandbox sandbox;
    private List<Check> checks;

    @Setup
    public void aStepOfTenChecks() throws ObjectExpression.Invalid {
        sandbox = Sandbox.create(new SandboxSpec(7, Instant.parse("2026-11-26T09:00:00Z")).withManifests(List.of(WEB)));
        sandbox.shell().run("docker run -d --name web1 -p 8080:80 nginx");
        sandbox.shell().run("echo 'kind: Service' > web.yaml");
        checks = List.of(
                new ObjectCheck("ready", ApiResources.DEPLOYMENTS, "default", Optional.of("web"),
                        ObjectExpression.predicate("object.status.readyReplicas == 3"), Optional.empty(), "3 ready"),
                new ObjectCheck("selector", ApiResources.SERVICES, "default", Optional.of("web"),
                        ObjectExpression.predicate("object.spec.selector.app == 'web' && object.spec.ports[0].targetPort == 80"),
                        Optional.empty(), "selects app=web"),
                new ObjectCheck("pods", ApiResources.PODS, "default", Optional.empty(),
                        ObjectExpression.predicate("objects.filter(p, p.metadata.labels.app == 'web').size() == 3"),
                        Optional.empty(), "three pods"),
                new ContainerCheck("web1", Optional.of("web1"), Optional.empty(), Optional.of(ContainerStatus.RUNNING),
                        OptionalInt.of(8080), OptionalInt.empty(), 1),
                new ContainerCheck("from nginx", Optional.empty(), Optional.of("nginx"),
                        Optional.of(ContainerStatus.RUNNING), OptionalInt.empty(), OptionalInt.empty(), 1),
                new ImageCheck("nginx", "nginx", true, OptionalInt.empty(), Optional.empty()),
                new ImageCheck("base", "nginx", true, OptionalInt.of(7), Optional.of("debian:bookworm-slim")),
                new FileCheck("file", "web.yaml", true, Optional.of("kind: Service"), Optional.empty()),
                new HistoryCheck("ran", Pattern.compile("^docker run .*-p 8080:80"), "docker run -p"),
                new RequestCheck("answers", new Origin.Outside(), "http://localhost:8080/", Optional.empty(), 1,
                        OptionalInt.of(200), Optional.of("Welcome to nginx"), OptionalInt.empty()));
        StepResult first = grader.grade("bench", checks, sandbox);
        if (!first.complete()) {
            throw new IllegalStateException("the benchmark's step should pass: " + first);
        }
    }

    @Benchmark
    public StepResult gradeAStepOfTenChecks() {
        return grader.grade("bench", checks, sandbox);
    }

    /**
     * The same as a plain loop that also prints the grading thread's CPU time per step, which
     * stays put when a busy machine stretches the wall time:
     * {@code java -cp benchmarks/target/benchmarks.jar org.laymanlabs.bench.GradingBenchmark [rounds]}.
     */
    public static void main(String[] args) throws ObjectExpression.Invalid {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        GradingBenchmark bench = new GradingBenchmark();
        bench.aStepOfTenChecks();
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        for (int round = 1; round <= rounds; round++) {
            long[] wall = new long[200];
            long[] cpu = new long[200];
            for (int i = 0; i < wall.length; i++) {
                long cpuStart = threads.getCurrentThreadCpuTime();
                long wallStart = System.nanoTime();
                bench.gradeAStepOfTenChecks();
                wall[i] = System.nanoTime() - wallStart;
                cpu[i] = threads.getCurrentThreadCpuTime() - cpuStart;
            }
            java.util.Arrays.sort(wall);
            java.util.Arrays.sort(cpu);
            System.out.printf("round %d: wall median %.2f ms p90 %.2f ms; CPU median %.2f ms p90 %.2f ms%n", round,
                    wall[100] / 1e6, wall[180] / 1e6, cpu[100] / 1e6, cpu[180] / 1e6);
        }
    }
}
