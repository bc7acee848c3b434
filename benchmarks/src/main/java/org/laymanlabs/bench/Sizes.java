package org.laymanlabs.bench;

import java.time.Duration;
import java.util.List;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * How big and how long each measurement is: the published run, and the smoke run the regular
 * test suite makes so that no figure's code can rot (each measured once, at a tiny size).
 */
record Sizes(int jitRounds, int warmups, int samples, int idleSandboxes, List<Integer> replicas, int schedulerNodes,
             int schedulerReplicaSets, int schedulerShots, List<Integer> services, int jmhForks, int jmhIterations,
             TimeValue jmhTime, List<Integer> learners, Duration learnerInterval, Duration learnerWindow,
             List<Integer> activeMinutes) {

    static final Sizes PUBLISHED = new Sizes(200, 10, 40, 1_000, List.of(3, 10, 30), 1_000, 300, 2,
            List.of(100, 1_000, 2_000, 10_000), 1, 3, TimeValue.seconds(1), List.of(50, 100, 200, 400, 700, 1_000, 1_400, 2_000),
            Duration.ofSeconds(10), Duration.ofSeconds(30), List.of(0, 5));

    static final Sizes SMOKE = new Sizes(1, 0, 1, 2, List.of(2), 3, 1, 1, List.of(10), 0, 1, TimeValue.milliseconds(20),
            List.of(2), Duration.ofMillis(200), Duration.ofMillis(200), List.of(0));
}
