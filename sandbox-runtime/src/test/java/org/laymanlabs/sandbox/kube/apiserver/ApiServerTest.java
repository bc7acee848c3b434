package org.laymanlabs.sandbox.kube.apiserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.DeletionPropagation;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.laymanlabs.sandbox.kube.api.ApiResources;
import org.laymanlabs.sandbox.kube.store.EtcdCluster;
import org.laymanlabs.sandbox.time.VirtualClock;

class ApiServerTest {

    private final VirtualClock clock = new VirtualClock(Instant.parse("2026-11-26T09:00:00Z"));
    private EtcdCluster etcd;
    private ApiServer api;

    @BeforeEach
    void startControlPlane() {
        SplittableRandom random = new SplittableRandom(7);
        etcd = EtcdCluster.start(clock, random);
        etcd.runUntil(() -> etcd.leader().isPresent(), Duration.ofSeconds(5));
        api = new ApiServer(etcd.client(), clock, random);
        api.start();
        api.await(api.create(new NamespaceBuilder().withNewMetadata().withName("default").endMetadata().build()));
    }

    private static Pod pod(String name) {
        return new PodBuilder().withNewMetadata().withName(name).endMetadata()
                .withNewSpec().addNewContainer().withName("web").withImage("nginx:1.27").endContainer().endSpec().build();
    }

    private static Deployment deployment(int replicas) {
        return new DeploymentBuilder().withNewMetadata().withName("web").endMetadata()
                .withNewSpec().withReplicas(replicas).withNewSelector().addToMatchLabels("app", "web").endSelector()
                .withNewTemplate().withNewMetadata().addToLabels("app", "web").endMetadata()
                .withNewSpec().addNewContainer().withName("web").withImage("nginx:1.27").endContainer().endSpec()
                .endTemplate().endSpec().build();
    }

    @Test
    void createsAnObjectWithDefaultsUidTimestampAndTheEtcdRevisionAsResourceVersion() {
        Pod created = api.await(api.create(pod("web")));
        assertThat(created.getMetadata().getNamespace()).isEqualTo("default");
        assertThat(created.getMetadata().getUid()).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
        assertThat(created.getMetadata().getCreationTimestamp()).startsWith("2026-11-26T09:00:0").endsWith("Z");
        assertThat(Long.parseLong(created.getMetadata().getResourceVersion())).isEqualTo(api.resourceVersion());
        assertThat(created.getSpec().getRestartPolicy()).isEqualTo("Always");
        assertThat(created.getSpec().getContainers().get(0).getImagePullPolicy()).isEqualTo("IfNotPresent");
        assertThat(created.getStatus().getPhase()).isEqualTo("Pending");
        assertThat(api.get(Pod.class, "default", "web")).contains(created);
    }

    @Test
    void refusesASecondObjectWithTheSameName() {
        api.await(api.create(pod("web")));
        assertThatThrownBy(() -> api.await(api.create(pod("web"))))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.reason()).isEqualTo(ApiException.Reason.ALREADY_EXISTS))
                .hasMessage("pods \"web\" already exists");
    }

    @Test
    void refusesAnUpdateBasedOnAStaleResourceVersion() {
        Pod created = api.await(api.create(pod("web")));
        Pod first = new PodBuilder(created).editMetadata().addToLabels("app", "a").endMetadata().build();
        api.await(api.update(first));
        Pod stale = new PodBuilder(created).editMetadata().addToLabels("app", "b").endMetadata().build();
        assertThatThrownBy(() -> api.await(api.update(stale))).hasMessage("Operation cannot be fulfilled on pods \"web\": "
                + "the object has been modified; please apply your changes to the latest version and try again");
        assertThat(api.get(Pod.class, "default", "web").orElseThrow().getMetadata().getLabels()).containsEntry("app", "a");
    }

    @Test
    void anUpdateKeepsTheStoredStatusAndAnotherSpecRaisesTheGeneration() {
        Deployment created = api.await(api.create(deployment(2)));
        Deployment relabelled = new DeploymentBuilder(created).editMetadata().addToLabels("tier", "front").endMetadata()
                .withNewStatus().withReplicas(9).endStatus().build();
        Deployment afterLabels = api.await(api.update(relabelled));
        assertThat(afterLabels.getMetadata().getLabels()).containsEntry("tier", "front");
        assertThat(afterLabels.getMetadata().getGeneration()).isEqualTo(1L);
        assertThat(afterLabels.getStatus()).isEqualTo(created.getStatus());
        Deployment scaled = api.await(api.update(new DeploymentBuilder(afterLabels).editSpec().withReplicas(3).endSpec().build()));
        assertThat(scaled.getMetadata().getGeneration()).isEqualTo(2L);
        assertThat(scaled.getSpec().getReplicas()).isEqualTo(3);
        assertThat(relabelled.getStatus().getReplicas()).isEqualTo(9);
    }

    @Test
    void aStatusUpdateChangesOnlyTheStatusAndNotTheCallersObject() {
        Pod created = api.await(api.create(pod("web")));
        Pod running = new PodBuilder(created).editMetadata().addToLabels("app", "sneaky").endMetadata()
                .editSpec().withNodeName("node-1").endSpec()
                .editStatus().withPhase("Running").withPodIP("10.244.1.5").endStatus().build();
        Pod stored = api.await(api.updateStatus(running));
        assertThat(stored.getStatus().getPhase()).isEqualTo("Running");
        assertThat(stored.getStatus().getPodIP()).isEqualTo("10.244.1.5");
        assertThat(stored.getSpec()).isEqualTo(created.getSpec());
        assertThat(stored.getMetadata().getLabels()).doesNotContainKey("app");
        assertThat(Long.parseLong(stored.getMetadata().getResourceVersion())).isGreaterThan(Long.parseLong(created.getMetadata().getResourceVersion()));
        assertThat(running.getMetadata().getResourceVersion()).isEqualTo(created.getMetadata().getResourceVersion());
        assertThat(created.getStatus().getPhase()).isEqualTo("Pending");
        assertThatThrownBy(() -> api.await(api.updateStatus(running))).hasMessageContaining("the object has been modified");
    }

    @Test
    void aSecretsStringDataIsStoredAsBase64DataAndNotKeptAndItsTypeDefaultsToOpaque() throws Exception {
        io.fabric8.kubernetes.api.model.Secret created = api.await(api.create(new io.fabric8.kubernetes.api.model.SecretBuilder()
                .withNewMetadata().withName("db").endMetadata()
                .addToData("user", "YWRtaW4=").addToData("password", "b2xk")
                .addToStringData("password", "s3cret").addToStringData("host", "db.local").build()));
        assertThat(created.getData()).containsOnly(org.assertj.core.api.Assertions.entry("user", "YWRtaW4="),
                org.assertj.core.api.Assertions.entry("password", "czNjcmV0"), org.assertj.core.api.Assertions.entry("host", "ZGIubG9jYWw="));
        // A Go map has no order of its own: it is written with its keys sorted.
        assertThat(org.laymanlabs.sandbox.kube.api.Codec.shared().toStorage(created))
                .contains("\"data\":{\"host\":\"ZGIubG9jYWw=\",\"password\":\"czNjcmV0\",\"user\":\"YWRtaW4=\"}");
        assertThat(created.getStringData()).isEmpty();
        assertThat(created.getType()).isEqualTo("Opaque");
        HasMetadata patched = api.await(api.patch(ApiResources.SECRETS, "default", "db", PatchType.STRATEGIC_MERGE,
                json("{\"stringData\":{\"user\":\"root\"}}")));
        assertThat(((io.fabric8.kubernetes.api.model.Secret) patched).getData()).containsEntry("user", "cm9vdA==").hasSize(3);
        assertThat(((io.fabric8.kubernetes.api.model.Secret) patched).getStringData()).isEmpty();
    }

    @Test
    void refusesAnInvalidDeploymentWithTheApiServersWording() {
        Deployment bad = new DeploymentBuilder().withNewMetadata().withName("web").endMetadata()
                .withNewSpec().withNewSelector().addToMatchLabels("app", "web").endSelector()
                .withNewTemplate().withNewMetadata().addToLabels("app", "shop").endMetadata()
                .withNewSpec().addNewContainer().withName("web").endContainer().endSpec().endTemplate().endSpec().build();
        assertThatThrownBy(() -> api.await(api.create(bad))).hasMessage("Deployment.apps \"web\" is invalid: ["
                + "spec.template.metadata.labels: Invalid value: map[string]string{\"app\":\"shop\"}: `selector` does not match template `labels`, "
                + "spec.template.spec.containers[0].image: Required value]");
        assertThat(api.list(Deployment.class, "")).isEmpty();
    }

    @Test
    void refusesObjectsInANamespaceThatDoesNotExist() {
        Pod elsewhere = new PodBuilder(pod("web")).editMetadata().withNamespace("shop").endMetadata().build();
        assertThatThrownBy(() -> api.await(api.create(elsewhere))).hasMessage("namespaces \"shop\" not found");
    }

    @Test
    void generatesNamesFromGenerateName() {
        Pod generated = new PodBuilder(pod(null)).editMetadata().withGenerateName("web-").endMetadata().build();
        assertThat(api.await(api.create(generated)).getMetadata().getName()).matches("web-[bcdfghjklmnpqrstvwxz2456789]{5}");
    }

    @Test
    void allocatesClusterIpsFromTheServiceCidrAndRefusesATakenOne() {
        Service dns = new ServiceBuilder().withNewMetadata().withName("kube-dns").endMetadata()
                .withNewSpec().withClusterIP("10.96.0.10").addNewPort().withPort(53).endPort().endSpec().build();
        assertThat(api.await(api.create(dns)).getSpec().getClusterIP()).isEqualTo("10.96.0.10");
        Service web = new ServiceBuilder().withNewMetadata().withName("web").endMetadata()
                .withNewSpec().withType("NodePort").addNewPort().withPort(80).endPort().endSpec().build();
        Service created = api.await(api.create(web));
        assertThat(created.getSpec().getClusterIP()).startsWith("10.").isNotEqualTo("10.96.0.10");
        assertThat(created.getSpec().getPorts().get(0).getNodePort()).isBetween(30000, 32767);
        assertThat(created.getSpec().getPorts().get(0).getTargetPort().getIntVal()).isEqualTo(80);
        Service clash = new ServiceBuilder(dns).editMetadata().withName("other").endMetadata().build();
        assertThatThrownBy(() -> api.await(api.create(clash))).hasMessage("Service \"other\" is invalid: spec.clusterIPs: "
                + "Invalid value: []string{\"10.96.0.10\"}: failed to allocate IP 10.96.0.10: provided IP is already allocated");
    }

    @Test
    void deliversEveryChangeToAWatchInOrderIncludingOnesBeforeItStarted() {
        long from = api.resourceVersion();
        api.await(api.create(pod("a")));
        List<String> seen = new ArrayList<>();
        api.watch(ApiResources.PODS, "default", from, e -> seen.add(e.type() + " " + e.object().getMetadata().getName()));
        api.await(api.create(pod("b")));
        api.await(api.delete(ApiResources.PODS, "default", "a", DeletionPropagation.BACKGROUND, null));
        assertThat(seen).containsExactly("ADDED a", "ADDED b", "DELETED a");
    }

    @Test
    void holdsAnObjectWithAFinalizerUntilTheFinalizerIsRemoved() {
        Pod held = new PodBuilder(pod("web")).editMetadata().addToFinalizers("example.com/hold").endMetadata().build();
        api.await(api.create(held));
        HasMetadata terminating = api.await(api.delete(ApiResources.PODS, "default", "web", DeletionPropagation.BACKGROUND, null));
        assertThat(terminating.getMetadata().getDeletionTimestamp()).isNotNull();
        Pod current = api.get(Pod.class, "default", "web").orElseThrow();
        api.await(api.update(new PodBuilder(current).editMetadata().withFinalizers(List.of()).endMetadata().build()));
        assertThat(api.get(Pod.class, "default", "web")).isEmpty();
    }

    @Test
    void keepsWorkingWhenTheEtcdLeaderStops() {
        api.await(api.create(pod("before")));
        etcd.stop(etcd.leader().orElseThrow().name());
        assertThat(etcd.runUntil(() -> etcd.leader().isPresent(), Duration.ofSeconds(3))).isTrue();
        Pod after = api.await(api.create(pod("after")));
        assertThat(after.getMetadata().getName()).isEqualTo("after");
        assertThat(api.list(Pod.class, "default")).extracting(p -> p.getMetadata().getName()).containsExactly("after", "before");
    }

    @Test
    void protectsTheSystemNamespacesFromDeletion() {
        assertThatThrownBy(() -> api.await(api.delete(ApiResources.NAMESPACES, "", "default", DeletionPropagation.BACKGROUND, null)))
                .hasMessage("namespaces \"default\" is forbidden: this namespace may not be deleted");
        assertThat(api.get(Namespace.class, "", "default")).isPresent();
    }

    private static com.fasterxml.jackson.databind.JsonNode json(String text) throws Exception {
        return new com.fasterxml.jackson.databind.ObjectMapper().readTree(text);
    }

    @Test
    void aStrategicMergePatchMergesContainersByNameAndAJsonMergePatchReplacesTheList() throws Exception {
        Pod two = new PodBuilder(pod("web")).editSpec().addNewContainer().withName("sidecar").withImage("busybox:1.36")
                .endContainer().endSpec().build();
        api.await(api.create(two));
        Pod patched = (Pod) api.await(api.patch(ApiResources.PODS, "default", "web", PatchType.STRATEGIC_MERGE,
                json("{\"spec\":{\"containers\":[{\"name\":\"web\",\"image\":\"nginx:1.28\"}]}}")));
        assertThat(patched.getSpec().getContainers()).extracting(c -> c.getName() + "=" + c.getImage())
                .containsExactly("web=nginx:1.28", "sidecar=busybox:1.36");
        assertThatThrownBy(() -> api.await(api.patch(ApiResources.PODS, "default", "web", PatchType.JSON_MERGE,
                json("{\"spec\":{\"containers\":[{\"name\":\"web\",\"image\":\"nginx:1.28\"}]}}"))))
                .hasMessageStartingWith("Pod \"web\" is invalid: spec: Forbidden: pod updates may not change fields");
    }

    @Test
    void aPatchWithAnUnknownFieldIsRefusedAsStrictDecodingDoes() throws Exception {
        api.await(api.create(pod("web")));
        assertThatThrownBy(() -> api.await(api.patch(ApiResources.PODS, "default", "web", PatchType.JSON_MERGE,
                json("{\"spec\":{\"replicas\":2}}"))))
                .hasMessage("Pod in version \"v1\" cannot be handled as a Pod: strict decoding error: unknown field \"spec.replicas\"");
    }

    @Test
    void anApplyPatchCreatesAMissingObject() throws Exception {
        HasMetadata created = api.await(api.patch(ApiResources.CONFIG_MAPS, "default", "settings", PatchType.APPLY,
                json("{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"settings\"},\"data\":{\"mode\":\"fast\"}}")));
        assertThat(((io.fabric8.kubernetes.api.model.ConfigMap) created).getData()).containsEntry("mode", "fast");
    }

    @Test
    void noWatchEventIsLostOrReorderedAcrossAnEtcdLeaderChange() {
        List<String> seen = new ArrayList<>();
        api.watch(ApiResources.PODS, "default", api.resourceVersion(), e -> seen.add(e.object().getMetadata().getName()));
        List<String> written = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            if (i == 7) {
                etcd.stop(etcd.leader().orElseThrow().name());
            }
            try {
                written.add(api.await(api.create(pod("p" + i))).getMetadata().getName());
            } catch (ApiException e) {
                // a write in flight when the leader died fails, as with a real etcd; the learner retries
                assertThat(e.getMessage()).startsWith("etcdserver: request timed out");
            }
        }
        assertThat(written).hasSizeGreaterThanOrEqualTo(18);
        assertThat(seen).containsExactlyElementsOf(written);
        assertThat(etcd.leader()).isPresent();
    }

    @Test
    void eventsExpireAnHourAfterTheyLastHappened() {
        api.await(api.create(new io.fabric8.kubernetes.api.model.EventBuilder().withNewMetadata().withName("web.1")
                .withNamespace("default").endMetadata().withReason("Pulled").withMessage("done")
                .withLastTimestamp(clock.now().toString()).build()));
        clock.advance(Duration.ofMinutes(59));
        assertThat(api.list(io.fabric8.kubernetes.api.model.Event.class, "default")).hasSize(1);
        clock.advance(Duration.ofMinutes(2));
        assertThat(api.list(io.fabric8.kubernetes.api.model.Event.class, "default")).isEmpty();
    }

    @Test
    void whatAReadReturnsAfterAWriteIsWhatDecodingTheStoredBytesGives() {
        api.await(api.create(new NamespaceBuilder().withNewMetadata().withName("team").endMetadata().build()));
        api.await(api.create(new io.fabric8.kubernetes.api.model.SecretBuilder().withNewMetadata().withName("db").endMetadata()
                .addToStringData("password", "s3cret").build()));
        Pod created = api.await(api.create(pod("web")));
        api.await(api.updateStatus(new PodBuilder(created).editStatus().withPhase("Running").endStatus().build()));
        api.await(api.update(new PodBuilder(api.get(Pod.class, "default", "web").orElseThrow())
                .editMetadata().addToLabels("app", "web").endMetadata().build()));
        for (var read : List.of(api.get(ApiResources.NAMESPACES, "", "team"), api.get(ApiResources.SECRETS, "default", "db"),
                api.get(ApiResources.PODS, "default", "web"))) {
            HasMetadata cached = read.orElseThrow();
            String key = ApiResources.of(cached.getClass()).key(cached.getMetadata().getNamespace() == null ? ""
                    : cached.getMetadata().getNamespace(), cached.getMetadata().getName());
            var call = etcd.client().get(key);
            etcd.runUntil(call::isDone, Duration.ofSeconds(5));
            var kv = call.get().kvs().get(0);
            HasMetadata decoded = org.laymanlabs.sandbox.kube.api.Codec.shared().fromStorage(kv.value(), cached.getClass());
            decoded.getMetadata().setResourceVersion(Long.toString(kv.modRevision()));
            assertThat(cached).as(key).isEqualTo(decoded);
            assertThat(org.laymanlabs.sandbox.kube.api.Codec.shared().toStorage(cached)).as(key)
                    .isEqualTo(org.laymanlabs.sandbox.kube.api.Codec.shared().toStorage(decoded));
        }
    }
}
