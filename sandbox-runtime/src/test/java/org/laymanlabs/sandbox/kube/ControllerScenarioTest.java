package org.laymanlabs.sandbox.kube;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.DeletionPropagation;
import io.fabric8.kubernetes.api.model.Endpoints;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.laymanlabs.sandbox.kube.api.ApiResources;
import org.laymanlabs.sandbox.kube.api.PodStatuses;
import org.laymanlabs.sandbox.kube.apiserver.ApiServer;
import org.laymanlabs.sandbox.time.VirtualClock;

@DisplayName("Given a 3-node cluster (one control plane, two workers)")
class ControllerScenarioTest {

    private final VirtualClock clock = new VirtualClock(Instant.parse("2026-11-26T09:00:00Z"));
    private Cluster cluster;
    private ApiServer api;

    @BeforeEach
    void bootCluster() {
        cluster = Cluster.start(clock, new SplittableRandom(42), ClusterSpec.kubeadmDefault());
        api = cluster.api();
        clock.advance(Duration.ofSeconds(2));
    }

    private static Deployment web(int replicas, String image) {
        return new DeploymentBuilder().withNewMetadata().withName("web").withNamespace("default").endMetadata()
                .withNewSpec().withReplicas(replicas).withNewSelector().addToMatchLabels("app", "web").endSelector()
                .withNewStrategy().withNewRollingUpdate().withMaxSurge(new IntOrString(1)).withMaxUnavailable(new IntOrString(1))
                .endRollingUpdate().endStrategy()
                .withNewTemplate().withNewMetadata().addToLabels("app", "web").endMetadata()
                .withNewSpec().addNewContainer().withName("web").withImage(image).addNewPort().withContainerPort(80).endPort()
                .endContainer().endSpec().endTemplate().endSpec().build();
    }

    private List<Pod> pods() {
        return api.list(Pod.class, "default");
    }

    private long ready() {
        return pods().stream().filter(p -> PodStatuses.isReady(p) && p.getMetadata().getDeletionTimestamp() == null).count();
    }

    @Test
    void registersEveryNodeAsReadyWithItsRole() {
        assertThat(api.list(Node.class, "")).extracting(n -> n.getMetadata().getName())
                .containsExactly("control-plane", "worker-1", "worker-2");
        Node cp = api.get(Node.class, "", "control-plane").orElseThrow();
        assertThat(cp.getMetadata().getLabels()).containsKey("node-role.kubernetes.io/control-plane");
        assertThat(cp.getStatus().getConditions()).anyMatch(c -> c.getType().equals("Ready") && c.getStatus().equals("True"));
    }

    @Test
    void everyNamespaceGetsADefaultServiceAccount() {
        api.await(api.create(new NamespaceBuilder().withNewMetadata().withName("shop").endMetadata().build()));
        clock.advance(Duration.ofSeconds(1));
        assertThat(api.list(io.fabric8.kubernetes.api.model.ServiceAccount.class, "")).extracting(
                sa -> sa.getMetadata().getNamespace() + "/" + sa.getMetadata().getName())
                .contains("default/default", "kube-system/default", "shop/default");
    }

    @Test
    void theControlPlaneRunsAsStaticPodsInKubeSystem() {
        // Static pods carry kubeadm's tier=control-plane label; kube-proxy's DaemonSet and CoreDNS's Deployment make the rest.
        assertThat(api.list(Pod.class, "kube-system")).filteredOn(p -> "control-plane".equals(p.getMetadata().getLabels().get("tier")))
                .extracting(p -> p.getMetadata().getName() + " " + p.getStatus().getPhase() + " " + p.getStatus().getPodIP())
                .containsExactly("etcd-control-plane Running 192.168.49.2", "kube-apiserver-control-plane Running 192.168.49.2",
                        "kube-controller-manager-control-plane Running 192.168.49.2", "kube-scheduler-control-plane Running 192.168.49.2");
    }

    @Test
    void aDeploymentOfThreeReplicasRunsThreeReadyPodsSpreadOverBothWorkers() {
        api.await(api.create(web(3, "nginx:1.27")));
        clock.advance(Duration.ofSeconds(5));
        ReplicaSet rs = api.list(ReplicaSet.class, "default").get(0);
        assertThat(rs.getMetadata().getName()).matches("web-[bcdfghjklmnpqrstvwxz2456789]{6,10}");
        assertThat(rs.getMetadata().getAnnotations()).containsEntry("deployment.kubernetes.io/revision", "1");
        assertThat(pods()).hasSize(3).allSatisfy(p -> {
            assertThat(p.getMetadata().getName()).matches(rs.getMetadata().getName() + "-[bcdfghjklmnpqrstvwxz2456789]{5}");
            assertThat(PodStatuses.isReady(p)).isTrue();
            assertThat(p.getStatus().getPodIP()).matches("10\\.244\\.[12]\\.\\d+");
        });
        assertThat(pods().stream().map(p -> p.getSpec().getNodeName()).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder("worker-1", "worker-2");
        Deployment d = api.get(Deployment.class, "default", "web").orElseThrow();
        assertThat(d.getStatus().getAvailableReplicas()).isEqualTo(3);
        assertThat(d.getStatus().getConditions()).anyMatch(c -> c.getReason().equals("NewReplicaSetAvailable"));
    }

    @Test
    void aDeploymentAndAServiceAreReadyWithinFiveSecondsOfVirtualTime() {
        Instant applied = clock.now();
        api.await(api.create(web(3, "nginx:1.27")));
        api.await(api.create(new ServiceBuilder().withNewMetadata().withName("web").withNamespace("default").endMetadata()
                .withNewSpec().addToSelector("app", "web").addNewPort().withPort(80).endPort().endSpec().build()));
        while (ready() < 3 || api.get(Endpoints.class, "default", "web").map(e -> e.getSubsets().isEmpty()
                || e.getSubsets().get(0).getAddresses().size() < 3).orElse(true)) {
            clock.advance(Duration.ofMillis(100));
            assertThat(Duration.between(applied, clock.now())).isLessThanOrEqualTo(Duration.ofSeconds(5));
        }
    }

    @Test
    void podsCountAsAvailableOnlyAfterMinReadySeconds() {
        api.await(api.create(new DeploymentBuilder(web(2, "nginx:1.27")).editSpec().withMinReadySeconds(10).endSpec().build()));
        clock.advance(Duration.ofSeconds(5));
        assertThat(ready()).isEqualTo(2);
        assertThat(api.get(Deployment.class, "default", "web").orElseThrow().getStatus().getAvailableReplicas()).isNull();
        clock.advance(Duration.ofSeconds(10));
        assertThat(api.get(Deployment.class, "default", "web").orElseThrow().getStatus().getAvailableReplicas()).isEqualTo(2);
    }

    @Test
    void aRolloutThatCannotMoveExceedsItsProgressDeadline() {
        Deployment huge = new DeploymentBuilder(web(2, "nginx:1.27")).editSpec().withProgressDeadlineSeconds(30)
                .editTemplate().editSpec().editFirstContainer().withNewResources()
                .addToRequests("cpu", new io.fabric8.kubernetes.api.model.Quantity("64")).endResources()
                .endContainer().endSpec().endTemplate().endSpec().build();
        api.await(api.create(huge));
        clock.advance(Duration.ofSeconds(20));
        assertThat(api.get(Deployment.class, "default", "web").orElseThrow().getStatus().getConditions())
                .anyMatch(c -> c.getType().equals("Progressing") && c.getReason().equals("ReplicaSetUpdated"));
        clock.advance(Duration.ofSeconds(20));
        assertThat(api.get(Deployment.class, "default", "web").orElseThrow().getStatus().getConditions())
                .anyMatch(c -> c.getType().equals("Progressing") && c.getStatus().equals("False")
                        && c.getReason().equals("ProgressDeadlineExceeded") && c.getMessage().endsWith("has timed out progressing."));
    }

    @Test
    void scalingDownRemovesThePodsCrowdedOnOneNodeFirst() {
        api.await(api.create(web(3, "nginx:1.27")));
        clock.advance(Duration.ofSeconds(5));
        String crowded = pods().stream().collect(Collectors.groupingBy(p -> p.getSpec().getNodeName(), Collectors.counting()))
                .entrySet().stream().filter(e -> e.getValue() == 2).findFirst().orElseThrow().getKey();
        Deployment d = api.get(Deployment.class, "default", "web").orElseThrow();
        api.await(api.update(new DeploymentBuilder(d).editSpec().withReplicas(2).endSpec().build()));
        clock.advance(Duration.ofSeconds(5));
        assertThat(pods()).hasSize(2);
        assertThat(pods().stream().map(p -> p.getSpec().getNodeName()).collect(Collectors.toSet())).hasSize(2);
        assertThat(crowded).isNotNull();
    }

    @Test
    void aRollingUpdateNeverDropsBelowMaxUnavailableNorRisesAboveMaxSurge() {
        api.await(api.create(web(4, "nginx:1.27")));
        clock.advance(Duration.ofSeconds(5));
        Deployment d = api.get(Deployment.class, "default", "web").orElseThrow();
        d.getSpec().getTemplate().getSpec().getContainers().get(0).setImage("nginx:1.27-alpine");
        api.await(api.update(d));
        long minReady = Long.MAX_VALUE;
        long maxPods = 0;
        for (int i = 0; i < 300; i++) {
            clock.advance(Duration.ofMillis(100));
            minReady = Math.min(minReady, ready());
            maxPods = Math.max(maxPods, pods().stream().filter(p -> p.getMetadata().getDeletionTimestamp() == null).count());
        }
        assertThat(minReady).isGreaterThanOrEqualTo(3);
        assertThat(maxPods).isLessThanOrEqualTo(5);
        assertThat(pods()).hasSize(4).allSatisfy(p -> assertThat(p.getSpec().getContainers().get(0).getImage()).isEqualTo("nginx:1.27-alpine"));
        List<ReplicaSet> sets = api.list(ReplicaSet.class, "default");
        assertThat(sets).hasSize(2);
        assertThat(sets).anySatisfy(rs -> {
            assertThat(rs.getSpec().getReplicas()).isZero();
            assertThat(rs.getMetadata().getAnnotations()).containsEntry("deployment.kubernetes.io/revision", "1");
        });
    }

    @Test
    void aStoppedNodesPodsComeBackOnTheOtherWorker() {
        api.await(api.create(web(2, "nginx:1.27")));
        clock.advance(Duration.ofSeconds(5));
        cluster.kubelet("worker-1").stop();
        clock.advance(Duration.ofSeconds(60));
        Node gone = api.get(Node.class, "", "worker-1").orElseThrow();
        assertThat(gone.getStatus().getConditions()).anyMatch(c -> c.getType().equals("Ready") && c.getStatus().equals("Unknown"));
        assertThat(gone.getSpec().getTaints()).anyMatch(t -> t.getKey().equals("node.kubernetes.io/unreachable"));
        clock.advance(Duration.ofSeconds(300));
        List<Pod> running = pods().stream().filter(p -> p.getMetadata().getDeletionTimestamp() == null).toList();
        assertThat(running).hasSize(2).allSatisfy(p -> {
            assertThat(p.getSpec().getNodeName()).isEqualTo("worker-2");
            assertThat(PodStatuses.isReady(p)).isTrue();
        });
    }

    @Test
    void aServiceListsItsReadyPodsInEndpointsAndAnEndpointSlice() {
        api.await(api.create(web(2, "nginx:1.27")));
        api.await(api.create(new ServiceBuilder().withNewMetadata().withName("web").withNamespace("default").endMetadata()
                .withNewSpec().addToSelector("app", "web").addNewPort().withPort(80).withTargetPort(new IntOrString(80)).endPort()
                .endSpec().build()));
        clock.advance(Duration.ofSeconds(5));
        Endpoints endpoints = api.get(Endpoints.class, "default", "web").orElseThrow();
        Set<String> podIps = pods().stream().map(p -> p.getStatus().getPodIP()).collect(Collectors.toSet());
        assertThat(endpoints.getSubsets().get(0).getAddresses()).extracting(a -> a.getIp()).containsExactlyInAnyOrderElementsOf(podIps);
        EndpointSlice slice = api.list(EndpointSlice.class, "default").stream()
                .filter(s -> "web".equals(s.getMetadata().getLabels().get("kubernetes.io/service-name"))).findFirst().orElseThrow();
        assertThat(slice.getMetadata().getName()).startsWith("web-");
        assertThat(slice.getEndpoints()).hasSize(2).allSatisfy(e -> assertThat(e.getConditions().getReady()).isTrue());
    }

    @Test
    void deletingADeploymentCascadesToItsReplicaSetsAndPods() {
        api.await(api.create(web(2, "nginx:1.27")));
        clock.advance(Duration.ofSeconds(5));
        api.await(api.delete(ApiResources.DEPLOYMENTS, "default", "web", DeletionPropagation.BACKGROUND, null));
        clock.advance(Duration.ofSeconds(5));
        assertThat(api.list(ReplicaSet.class, "default")).isEmpty();
        assertThat(pods()).isEmpty();
    }

    @Test
    void deletingANamespaceEmptiesItThenRemovesIt() {
        api.await(api.create(new NamespaceBuilder().withNewMetadata().withName("shop").endMetadata().build()));
        Deployment shop = new DeploymentBuilder(web(1, "nginx:1.27")).editMetadata().withNamespace("shop").endMetadata().build();
        api.await(api.create(shop));
        clock.advance(Duration.ofSeconds(5));
        api.await(api.delete(ApiResources.NAMESPACES, "", "shop", DeletionPropagation.BACKGROUND, null));
        assertThat(api.get(ApiResources.NAMESPACES, "", "shop").orElseThrow().getMetadata().getDeletionTimestamp()).isNotNull();
        clock.advance(Duration.ofSeconds(10));
        assertThat(api.get(ApiResources.NAMESPACES, "", "shop")).isEmpty();
        assertThat(api.list(Pod.class, "shop")).isEmpty();
    }

    @Test
    void aDaemonSetPutsOnePodOnEachWorkerButNotOnTheTaintedControlPlane() {
        api.await(api.create(new io.fabric8.kubernetes.api.model.apps.DaemonSetBuilder().withNewMetadata().withName("agent")
                .withNamespace("default").endMetadata().withNewSpec().withNewSelector().addToMatchLabels("app", "agent").endSelector()
                .withNewTemplate().withNewMetadata().addToLabels("app", "agent").endMetadata().withNewSpec().addNewContainer()
                .withName("agent").withImage("busybox:1.36").endContainer().endSpec().endTemplate().endSpec().build()));
        clock.advance(Duration.ofSeconds(2));
        assertThat(pods()).hasSize(2).extracting(p -> p.getSpec().getAffinity().getNodeAffinity()
                .getRequiredDuringSchedulingIgnoredDuringExecution().getNodeSelectorTerms().get(0).getMatchFields().get(0).getValues().get(0))
                .containsExactlyInAnyOrder("worker-1", "worker-2");
        assertThat(pods()).allSatisfy(p -> assertThat(p.getSpec().getTolerations())
                .anyMatch(t -> "node.kubernetes.io/unreachable".equals(t.getKey()) && t.getTolerationSeconds() == null));
    }

    @Test
    void aJobRunsPodsOneAtATimeUntilItsCompletionsSucceed() {
        io.fabric8.kubernetes.api.model.batch.v1.Job job = new io.fabric8.kubernetes.api.model.batch.v1.JobBuilder().withNewMetadata()
                .withName("count").withNamespace("default").endMetadata().withNewSpec().withCompletions(2)
                .withNewTemplate().withNewSpec().withRestartPolicy("Never").addNewContainer().withName("count")
                .withImage("busybox:1.36").withCommand("sleep", "5").endContainer().endSpec().endTemplate().endSpec().build();
        api.await(api.create(job));
        for (int round = 1; round <= 2; round++) {
            clock.advance(Duration.ofSeconds(3));
            List<Pod> running = pods().stream().filter(p -> !"Succeeded".equals(p.getStatus().getPhase())).toList();
            assertThat(running).hasSize(1);
            assertThat(running.get(0).getMetadata().getLabels()).containsEntry("job-name", "count");
            // The kubelet sees the container exit 0 after its five seconds: the pod Succeeded.
            clock.advance(Duration.ofSeconds(4));
        }
        clock.advance(Duration.ofSeconds(2));
        var status = api.get(io.fabric8.kubernetes.api.model.batch.v1.Job.class, "default", "count").orElseThrow().getStatus();
        assertThat(status.getSucceeded()).isEqualTo(2);
        assertThat(status.getConditions()).anyMatch(c -> c.getType().equals("Complete") && c.getReason().equals("CompletionsReached"));
    }

    @Test
    void aJobWhosePodsMayRestartForeverIsRefused() {
        io.fabric8.kubernetes.api.model.batch.v1.Job job = new io.fabric8.kubernetes.api.model.batch.v1.JobBuilder().withNewMetadata()
                .withName("pi").withNamespace("default").endMetadata().withNewSpec().withNewTemplate().withNewSpec()
                .addNewContainer().withName("pi").withImage("perl").endContainer().endSpec().endTemplate().endSpec().build();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> api.await(api.create(job))).hasMessage(
                "Job.batch \"pi\" is invalid: spec.template.spec.restartPolicy: Unsupported value: \"Always\": supported values: \"OnFailure\", \"Never\"");
    }
}
