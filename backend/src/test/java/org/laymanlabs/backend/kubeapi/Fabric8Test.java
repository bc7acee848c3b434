package org.laymanlabs.backend.kubeapi;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import io.fabric8.kubernetes.client.dsl.ExecWatch;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/** fabric8 kubernetes-client 7.5.2 against a sandbox's Kubernetes API: CRUD, watch and exec (issue #10). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayName("fabric8 against a sandbox")
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class Fabric8Test {

    private KubeApiFixture api;
    private KubernetesClient client;

    @BeforeAll
    void connect() throws Exception {
        api = KubeApiFixture.shared();
        Config config = new ConfigBuilder().withMasterUrl(api.baseUrl() + "/sandboxes/sb-a").withOauthToken(KubeApiFixture.TOKEN)
                .withCaCertData(Base64.getEncoder().encodeToString(api.certificate.pem().getBytes(StandardCharsets.US_ASCII)))
                .withNamespace("default").build();
        client = new KubernetesClientBuilder().withConfig(config).build();
    }

    @AfterAll
    void close() {
        if (client != null) {
            client.close();
        }
    }

    @Test
    void createsReadsUpdatesPatchesAndDeletesAnObject() {
        client.configMaps().resource(new ConfigMapBuilder().withNewMetadata().withName("f8-settings").endMetadata()
                .addToData("color", "blue").build()).create();

        ConfigMap read = client.configMaps().withName("f8-settings").get();
        List<String> listed = client.configMaps().list().getItems().stream().map(c -> c.getMetadata().getName()).toList();
        client.configMaps().withName("f8-settings").edit(c -> new ConfigMapBuilder(c).addToData("size", "large").build());
        client.configMaps().resource(new ConfigMapBuilder().withNewMetadata().withName("f8-settings").endMetadata()
                .addToData("color", "green").build()).fieldManager("fabric8").forceConflicts().serverSideApply();
        ConfigMap changed = client.configMaps().withName("f8-settings").get();
        List<?> deleted = client.configMaps().withName("f8-settings").delete();

        assertThat(read.getData()).isEqualTo(Map.of("color", "blue"));
        assertThat(listed).contains("f8-settings");
        assertThat(changed.getData()).isEqualTo(Map.of("color", "green", "size", "large"));
        assertThat(deleted).hasSize(1);
        assertThat(client.configMaps().withName("f8-settings").get()).isNull();
    }

    @Test
    void aRefusedRequestIsTheServersStatus() {
        client.configMaps().resource(new ConfigMapBuilder().withNewMetadata().withName("f8-twice").endMetadata().build()).create();

        KubernetesClientException refused = org.junit.jupiter.api.Assertions.assertThrows(KubernetesClientException.class,
                () -> client.configMaps().resource(new ConfigMapBuilder().withNewMetadata().withName("f8-twice").endMetadata()
                        .build()).create());

        assertThat(refused.getCode()).isEqualTo(409);
        assertThat(refused.getStatus().getReason()).isEqualTo("AlreadyExists");
        assertThat(refused.getStatus().getMessage()).isEqualTo("configmaps \"f8-twice\" already exists");
        client.configMaps().withName("f8-twice").delete();
    }

    @Test
    void watchSeesAnObjectAddedChangedAndDeleted() throws Exception {
        BlockingQueue<String> events = new LinkedBlockingQueue<>();
        try (Watch watch = client.configMaps().withLabel("watched", "yes").watch(new Watcher<>() {
            @Override
            public void eventReceived(Action action, ConfigMap resource) {
                events.add(action + " " + resource.getMetadata().getName() + " " + resource.getData());
            }

            @Override
            public void onClose(WatcherException cause) {
                // The test closes the watch.
            }
        })) {
            client.configMaps().resource(new ConfigMapBuilder().withNewMetadata().withName("f8-watched")
                    .addToLabels("watched", "yes").endMetadata().addToData("n", "1").build()).create();
            client.configMaps().withName("f8-watched").edit(c -> new ConfigMapBuilder(c).addToData("n", "2").build());
            client.configMaps().withName("f8-watched").delete();

            assertThat(List.of(next(events), next(events), next(events))).containsExactly("ADDED f8-watched {n=1}",
                    "MODIFIED f8-watched {n=2}", "DELETED f8-watched {n=2}");
        }
    }

    @Test
    void execRunsACommandInAPodWithItsOutputAndExitCode() throws Exception {
        client.pods().resource(new PodBuilder().withNewMetadata().withName("f8-exec").endMetadata().withNewSpec()
                .addNewContainer().withName("app").withImage("nginx:1.27").endContainer().endSpec().build()).create();
        Pod ready = client.pods().withName("f8-exec").waitUntilReady(60, TimeUnit.SECONDS);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int echoed;
        try (ExecWatch exec = client.pods().withName("f8-exec").writingOutput(out).exec("echo", "hi from fabric8")) {
            echoed = exec.exitCode().get(30, TimeUnit.SECONDS);
        }
        int failing;
        try (ExecWatch exec = client.pods().withName("f8-exec").writingError(err).exec("ls", "/nope")) {
            failing = exec.exitCode().get(30, TimeUnit.SECONDS);
        }

        assertThat(ready.getStatus().getPhase()).isEqualTo("Running");
        assertThat(echoed).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("hi from fabric8\n");
        assertThat(failing).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("ls: cannot access '/nope': No such file or directory\n");
        client.pods().withName("f8-exec").delete();
    }

    private static String next(BlockingQueue<String> events) throws InterruptedException {
        String event = events.poll(30, TimeUnit.SECONDS);
        assertThat(event).as("a watch event within 30s").isNotNull();
        return event;
    }
}
