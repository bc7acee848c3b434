package org.laymanlabs.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * The cluster at scale (issues 5 and 11): kube-scheduler placing the pods of a stress sandbox,
 * and one packet through kube-proxy's nat rules for many Services (a JMH micro-benchmark, since
 * a packet takes microseconds).
 */
final class ScaleFigures {

    private ScaleFigures() {
    }

    /** Pods bound per second of wall time, shot by shot, each shot on a fresh cluster of {@code nodes}. */
    static List<Figure> scheduling(Sampler sampler, int nodes, int replicaSets) throws Exception {
        Sampler.Measured m = sampler.measure(() -> {
            SchedulerBenchmark bench = new SchedulerBenchmark();
            bench.nodes = nodes;
            bench.replicaSets = replicaSets;
            bench.thousandNodesAndThirtyThousandPendingPods();
            return bench::scheduleThirtyThousandPods;
        });
        int pods = replicaSets * SchedulerBenchmark.REPLICAS;
        String what = String.format("Scheduling %,d pods on %,d nodes", pods, nodes);
        return List.of(rate(what + ", wall", pods, m.wallMillis()).atLeast(2_000),
                rate(what + ", CPU of the scheduling thread", pods, m.cpuMillis()).atLeast(2_000));
    }

    /** A rate's "p99" column is its slowest 1%: the pods/s of the 99th-percentile time. */
    private static Figure rate(String what, int pods, Samples millis) {
        return new Figure(what, pods / (millis.median() / 1e3), pods / (millis.p99() / 1e3), "pods/s", Double.NaN,
                millis.count(), Optional.empty());
    }

    /** NatFirstPacketBenchmark through JMH, in a forked JVM unless {@code forks} is 0. */
    static List<Figure> netfilter(List<Integer> services, int forks, int iterations, TimeValue time) throws Exception {
        Options options = new OptionsBuilder().include(NatFirstPacketBenchmark.class.getName() + ".")
                .param("services", services.stream().map(String::valueOf).toArray(String[]::new))
                .forks(forks).warmupIterations(iterations).warmupTime(time).measurementIterations(iterations)
                .measurementTime(time).timeUnit(TimeUnit.MICROSECONDS).shouldFailOnError(true).build();
        List<Figure> figures = new ArrayList<>();
        for (RunResult run : new Runner(options).run()) {
            int count = Integer.parseInt(run.getParams().getParam("services"));
            var statistics = run.getPrimaryResult().getStatistics();
            Figure figure = new Figure(String.format("A new connection's first packet through nat PREROUTING, %,d Services (%,d rules)",
                    count, count * 5 + 2), statistics.getPercentile(50), statistics.getPercentile(99), "µs", Double.NaN,
                    (int) statistics.getN(), Optional.empty());
            figures.add(count >= 2_000 ? figure.atMost(50) : figure);
        }
        return figures;
    }
}
