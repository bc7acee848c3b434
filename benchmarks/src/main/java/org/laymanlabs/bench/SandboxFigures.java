package org.laymanlabs.bench;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.laymanlabs.sandbox.CommandResult;
import org.laymanlabs.sandbox.Sandbox;
import org.laymanlabs.sandbox.SandboxSpec;

/**
 * What one learner's sandbox costs (issue 11): creating it (3 nodes, the control plane, CoreDNS,
 * kube-proxy, the laptop's Docker engine), keeping it alive while idle, and a Deployment's
 * convergence to all pods Ready, in virtual time and in the CPU time of the one thread that runs
 * the sandbox.
 */
final class SandboxFigures {

    static final Instant START = Instant.parse("2026-11-26T09:00:00Z");

    private SandboxFigures() {
    }

    static List<Figure> creation(Sampler sampler) throws Exception {
        long[] seed = {1};
        Sampler.Measured m = sampler.measure(() -> Sandbox.create(new SandboxSpec(seed[0]++, START)));
        return List.of(
                Figure.wall("Sandbox creation (3 nodes, control plane, CoreDNS, kube-proxy), wall", m).atMost(50),
                Figure.of("Sandbox creation, CPU", m.cpuMillis(), "ms").atMost(50),
                Figure.of("Sandbox creation, allocated", m.allocatedBytes(), "B"));
    }

    /**
     * What an idle cluster costs as virtual time passes (issue 7: a restore replays every second
     * of it): one settled sandbox, each sample a further virtual minute with nobody typing, so
     * only the cluster's own timers run (etcd's heartbeats, the leader-election and node Lease
     * renewals, the kubelets' status and CoreDNS's probes, kube-proxy). Reported per virtual second.
     */
    static List<Figure> idleMinute(Sampler sampler) throws Exception {
        Sandbox sandbox = Sandbox.create(new SandboxSpec(7, START));
        sandbox.clock().advance(Duration.ofMinutes(2));
        Sampler.Measured m = sampler.measure(() -> {
            sandbox.clock().advance(Duration.ofMinutes(1));
            return sandbox.clock().now();
        });
        return List.of(
                Figure.of("Idle cluster, CPU per virtual second", perSecond(m.cpuMillis()), "ms"),
                Figure.of("Idle cluster, allocated per virtual second", perSecond(m.allocatedBytes()), "B"));
    }

    private static Samples perSecond(Samples perMinute) {
        return new Samples(java.util.Arrays.stream(perMinute.values()).map(v -> v / 60).toArray());
    }

    /**
     * The heap that stays in use per sandbox while {@code count} fresh sandboxes are held: heap
     * used after a full GC with them alive, less the same before they were made, over the count.
     */
    static Figure retainedPerIdleSandbox(int count) {
        long before = heapAfterGc();
        List<Sandbox> alive = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            alive.add(Sandbox.create(new SandboxSpec(i, START)));
        }
        long after = heapAfterGc();
        double perSandbox = (double) (after - before) / alive.size();
        Samples one = new Samples(new double[] {perSandbox});
        return Figure.of(String.format("Retained heap per idle sandbox, %,d alive", count), one, "B")
                .atMost(2 * 1024 * 1024);
    }

    private static long heapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /**
     * {@code kubectl apply -f} of an N-replica Deployment and its Service in a fresh sandbox, then
     * the virtual clock in 100 ms steps until every replica is Ready and behind the Service.
     * Returns the CPU figure and the virtual-time figure.
     */
    static List<Figure> convergence(Sampler sampler, int replicas) throws Exception {
        List<Double> virtualMillis = new ArrayList<>();
        Sampler.Measured m = sampler.measure(() -> {
            Sandbox sandbox = Sandbox.create(new SandboxSpec(7, START));
            sandbox.workspace().write("/home/learner/web.yaml", Manifests.deploymentAndService("web", replicas, "ClusterIP"));
            return () -> {
                Duration took = applyUntilReady(sandbox, "web", replicas);
                virtualMillis.add((double) took.toMillis());
                return took;
            };
        });
        double[] virtual = virtualMillis.subList(virtualMillis.size() - m.cpuMillis().count(), virtualMillis.size())
                .stream().mapToDouble(Double::doubleValue).toArray();
        String what = replicas + "-replica Deployment and Service, apply until all Ready";
        Figure cpu = Figure.of(what + ", CPU", m.cpuMillis(), "ms");
        Figure time = Figure.of(what + ", virtual time", new Samples(virtual), "ms");
        return replicas == 3 ? List.of(cpu.atMost(20), time.atMost(5000)) : List.of(cpu, time);
    }

    static Duration applyUntilReady(Sandbox sandbox, String name, int replicas) {
        Instant applied = sandbox.clock().now();
        CommandResult result = sandbox.shell().run("kubectl apply -f " + name + ".yaml");
        if (result.exitCode() != 0) {
            throw new IllegalStateException("apply failed: " + result.stderr());
        }
        while (!ready(sandbox, name, replicas)) {
            if (Duration.between(applied, sandbox.clock().now()).toMinutes() > 10) {
                throw new IllegalStateException(name + " is not Ready after ten virtual minutes");
            }
            sandbox.clock().advance(Duration.ofMillis(100));
        }
        return Duration.between(applied, sandbox.clock().now());
    }

    /** All replicas Ready and every one of them an address of the Service's Endpoints. */
    static boolean ready(Sandbox sandbox, String name, int replicas) {
        var api = sandbox.cluster().api();
        boolean deployment = api.get(Deployment.class, "default", name)
                .map(d -> d.getStatus() != null && Integer.valueOf(replicas).equals(d.getStatus().getReadyReplicas()))
                .orElse(false);
        return deployment && api.get(io.fabric8.kubernetes.api.model.Endpoints.class, "default", name)
                .map(e -> !e.getSubsets().isEmpty() && e.getSubsets().get(0).getAddresses().size() == replicas)
                .orElse(false);
    }
}
