package org.laymanlabs.backend.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The pool's fair share ({@link RunQueue}) on a {@link SimulatedHost}, in milliseconds of its time. */
class RunQueueTest {

    private static final long MS = 1_000_000;

    private final SimulatedHost host = new SimulatedHost(1);
    private final List<String> done = new ArrayList<>();

    @AfterEach
    void stop() {
        host.shutdown();
    }

    /** A task that computes for {@code millis} and notes its name, the time it ended and the thread it ran on. */
    private Runnable task(String name, long millis) {
        return () -> {
            host.burn(millis * MS);
            done.add(name + "@" + host.nanoTime() / MS + " on " + Thread.currentThread().getName());
        };
    }

    @Test
    void aLearnerWhoJustTypedRunsBeforeTheNextTaskOfOneWhoKeepsThePoolBusy() {
        RunQueue runQueue = RunQueue.withThrottledLane(host.pool(1, "pool"), host.pool(1, "lane"), host, null);
        Mailbox busy = new Mailbox(runQueue);
        Mailbox learner = new Mailbox(runQueue);
        for (int i = 0; i < 5; i++) {
            busy.execute(task("busy" + i, 10));
        }
        host.at(15 * MS, () -> learner.execute(task("learner", 1)));

        host.runUntil(100 * MS);

        assertThat(done).containsExactly("busy0@10 on pool-0", "busy1@20 on pool-0", "learner@21 on pool-0",
                "busy2@31 on pool-0", "busy3@41 on pool-0", "busy4@51 on pool-0");
    }

    @Test
    void aMailboxThatWokeFromIdleGetsNoCreditForTheTimeItWasAway() {
        RunQueue runQueue = RunQueue.withThrottledLane(host.pool(1, "pool"), host.pool(1, "lane"), host, null);
        Mailbox busy = new Mailbox(runQueue);
        Mailbox away = new Mailbox(runQueue);
        for (int i = 0; i < 4; i++) {
            busy.execute(task("busy" + i, 10));
        }
        // Back after 40 ms of the other's work, it is placed at the queue's minimum, not 40 ms ahead of it.
        host.at(35 * MS, () -> {
            away.execute(task("away0", 10));
            away.execute(task("away1", 10));
            away.execute(task("away2", 10));
            busy.execute(task("busy4", 10));
        });

        host.runUntil(200 * MS);

        assertThat(done).containsExactly("busy0@10 on pool-0", "busy1@20 on pool-0", "busy2@30 on pool-0",
                "busy3@40 on pool-0", "away0@50 on pool-0", "busy4@60 on pool-0", "away1@70 on pool-0",
                "away2@80 on pool-0");
    }

    @Test
    void aSandboxThatUsedMoreThanItsQuotaRunsInTheThrottledLaneUntilAPeriodPassesWithinIt() {
        RunQueue runQueue = RunQueue.withThrottledLane(host.pool(1, "pool"), host.pool(1, "lane"), host, CpuMax.DEFAULT);
        Mailbox heavy = new Mailbox(runQueue);
        heavy.execute(() -> { }); // its restore, which is not charged
        heavy.execute(task("step", 25)); // 20 ms a period: 5 ms more

        host.runUntil(150 * MS);
        heavy.execute(task("after", 1)); // the period before took more than the quota: the lane
        host.runUntil(250 * MS);
        heavy.execute(task("later", 1));
        host.runUntil(300 * MS);

        assertThat(done).containsExactly("step@25 on pool-0", "after@151 on lane-0", "later@251 on pool-0");
    }

    @Test
    void aSandboxsRestoreIsNotChargedToItsQuotaButWhatFollowsIs() {
        RunQueue runQueue = RunQueue.withThrottledLane(host.pool(1, "pool"), host.pool(1, "lane"), host, CpuMax.DEFAULT);
        Mailbox restored = new Mailbox(runQueue);
        restored.execute(task("restore", 50));
        restored.execute(task("first", 25)); // its quota starts at 50: 20 ms a period, 5 ms more
        restored.execute(task("second", 1));

        host.runUntil(300 * MS);

        assertThat(done).containsExactly("restore@50 on pool-0", "first@75 on pool-0", "second@151 on lane-0");
    }
}
