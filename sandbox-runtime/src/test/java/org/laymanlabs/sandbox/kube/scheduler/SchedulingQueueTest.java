package org.laymanlabs.sandbox.kube.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.PodBuilder;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.laymanlabs.sandbox.time.VirtualClock;

class SchedulingQueueTest {

    private final VirtualClock clock = new VirtualClock(Instant.parse("2026-11-26T09:00:00Z"));
    private final SchedulingQueue queue = new SchedulingQueue(clock, () -> { });

    private static PodInfo pod(String name, int priority) {
        return PodInfo.of(new PodBuilder(FilterPluginsTest.pod("cpu", "1")).editMetadata().withName(name).endMetadata()
                .editSpec().withPriority(priority).endSpec().build());
    }

    /** Pops the pod and puts it back as no node fitting it, rejected by {@code plugin}. */
    private void failOnce(String plugin) {
        SchedulingQueue.QueuedPod queued = queue.pop().orElseThrow();
        queued.unschedulablePlugins = Set.of(plugin);
        queue.addUnschedulable(queued, queue.schedulingCycle(), false);
    }

    @ParameterizedTest(name = "attempt {0} backs off {1} s")
    @CsvSource({"1, 1", "2, 2", "3, 4", "4, 8", "5, 10", "9, 10"})
    void backsOffOneSecondDoublingToTen(int attempts, int seconds) {
        assertThat(SchedulingQueue.backoffDuration(attempts)).isEqualTo(Duration.ofSeconds(seconds));
    }

    @Test
    void popsHigherPriorityFirstThenFirstCome() {
        queue.addOrUpdate(pod("early", 0));
        queue.addOrUpdate(pod("late", 0));
        queue.addOrUpdate(pod("critical", 1000));
        assertThat(queue.pop().orElseThrow().pod.pod().getMetadata().getName()).isEqualTo("critical");
        assertThat(queue.pop().orElseThrow().pod.pod().getMetadata().getName()).isEqualTo("early");
        assertThat(queue.pop().orElseThrow().pod.pod().getMetadata().getName()).isEqualTo("late");
    }

    @Test
    void keepsAnUnschedulablePodUntilAnEventItsPluginCaresAbout() {
        queue.addOrUpdate(pod("big", 0));
        failOnce(NodeResourcesFit.NAME);
        clock.advance(Duration.ofSeconds(20));
        queue.move(SchedulingQueue.ClusterEvent.NODE_LABEL);
        assertThat(queue.pop()).as("a label change cannot make room").isEmpty();
        queue.move(SchedulingQueue.ClusterEvent.ASSIGNED_POD_DELETE);
        assertThat(queue.pop()).as("a deleted pod may have").isPresent();
    }

    @Test
    void retriesAnUnschedulablePodAfterFiveMinutesAnyway() {
        queue.addOrUpdate(pod("big", 0));
        failOnce(NodeResourcesFit.NAME);
        clock.advance(Duration.ofSeconds(270));
        assertThat(queue.pop()).isEmpty();
        clock.advance(Duration.ofSeconds(31));
        assertThat(queue.pop()).isPresent();
    }

    @Test
    void aPodMovedBackWhileBackingOffWaitsOutItsBackoff() {
        queue.addOrUpdate(pod("big", 0));
        failOnce(NodeResourcesFit.NAME);
        queue.move(SchedulingQueue.ClusterEvent.NODE_ADD);
        assertThat(queue.pop()).isEmpty();
        clock.advance(Duration.ofSeconds(1));
        assertThat(queue.pop()).isPresent();
    }
}
