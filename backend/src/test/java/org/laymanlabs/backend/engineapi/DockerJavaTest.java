package org.laymanlabs.backend.engineapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.BuildImageResultCallback;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Network;
import com.github.dockerjava.api.model.PortBinding;
import com.github.dockerjava.api.model.PullResponseItem;
import com.github.dockerjava.api.model.Version;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.zerodep.ZerodepDockerHttpClient;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.laymanlabs.sandbox.image.Digest;

/**
 * docker-java 3.7.1 against a sandbox's Engine API (issue #10): unversioned paths, exec without
 * an Upgrade header, and the same commands the CLI test runs.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayName("docker-java against a sandbox")
class DockerJavaTest {

    private EngineApiFixture api;
    private DockerClient docker;

    @BeforeAll
    void connect() throws IOException {
        api = EngineApiFixture.shared();
        DefaultDockerClientConfig config = DefaultDockerClientConfig.createDefaultConfigBuilder()
                .withDockerHost(api.dockerHost()).withDockerTlsVerify(false).build();
        ZerodepDockerHttpClient transport = new ZerodepDockerHttpClient.Builder().dockerHost(config.getDockerHost()).build();
        docker = DockerClientImpl.getInstance(config, new TokenHeaderClient(transport, EngineApiFixture.TOKEN));
    }

    private String runDetached(String name, String image, String... cmd) {
        var create = docker.createContainerCmd(image).withName(name);
        if (cmd.length > 0) {
            create.withCmd(cmd);
        }
        String id = create.exec().getId();
        docker.startContainerCmd(id).exec();
        return id;
    }

    private void pull(String image) throws InterruptedException {
        docker.pullImageCmd(image).withTag("latest").exec(new ResultCallback.Adapter<PullResponseItem>())
                .awaitCompletion(30, TimeUnit.SECONDS);
    }

    @Test
    void versionDescribesTheEngine() {
        docker.pingCmd().exec();
        Version version = docker.versionCmd().exec();

        assertThat(version.getVersion()).isEqualTo("28.2.2");
        assertThat(version.getApiVersion()).isEqualTo("1.50");
        assertThat(version.getOperatingSystem()).isEqualTo("linux");
    }

    @Test
    void pullStreamsProgressAndLeavesTheImageInTheSandbox() throws Exception {
        List<String> statuses = new ArrayList<>();
        docker.pullImageCmd("busybox").withTag("latest").exec(new ResultCallback.Adapter<PullResponseItem>() {
            @Override
            public void onNext(PullResponseItem item) {
                statuses.add(item.getStatus());
            }
        }).awaitCompletion(30, TimeUnit.SECONDS);

        assertThat(statuses.get(0)).isEqualTo("Pulling from library/busybox");
        assertThat(statuses.get(statuses.size() - 1)).matches("Status: (Downloaded newer image|Image is up to date) for busybox:latest");
        Digest pulled = api.sandbox.read(s -> s.daemon().images().resolve("busybox:latest").id());
        assertThat(docker.inspectImageCmd("busybox").exec().getId()).isEqualTo(pulled.toString());
    }

    @Test
    void buildTarsTheDirectoryAndTheSandboxTagsTheImage(@TempDir Path context) throws Exception {
        Files.writeString(context.resolve("Dockerfile"), "FROM busybox\nCOPY note.txt /note.txt\nCMD [\"cat\", \"/note.txt\"]\n");
        Files.writeString(context.resolve("note.txt"), "built by docker-java\n");

        String imageId = docker.buildImageCmd(context.toFile()).withTags(Set.of("jnote:latest"))
                .exec(new BuildImageResultCallback()).awaitImageId(60, TimeUnit.SECONDS);

        Digest built = api.sandbox.read(s -> s.daemon().images().resolve("jnote:latest").id());
        // As with dockerd, the callback keeps the short ID of "Successfully built", which follows the aux ID.
        assertThat(imageId).isEqualTo(built.shortId());
    }

    @Test
    void aDetachedContainerPublishesItsPortAndIsListed() throws Exception {
        pull("nginx");
        String id = docker.createContainerCmd("nginx").withName("jweb")
                .withHostConfig(HostConfig.newHostConfig().withPortBindings(PortBinding.parse("8081:80"))).exec().getId();
        docker.startContainerCmd(id).exec();

        List<Container> running = docker.listContainersCmd().exec();

        Container web = running.stream().filter(c -> c.getId().equals(id)).findFirst().orElseThrow();
        assertThat(web.getNames()).containsExactly("/jweb");
        assertThat(web.getState()).isEqualTo("running");
        assertThat(web.getPorts()).anySatisfy(p -> {
            assertThat(p.getPublicPort()).isEqualTo(8081);
            assertThat(p.getPrivatePort()).isEqualTo(80);
        });
    }

    @Test
    void logsArriveAsFramesOfTheirStream() throws Exception {
        pull("busybox");
        String id = runDetached("jtalker", "busybox", "sh", "-c", "echo to-out; echo to-err >&2");
        List<String> frames = new ArrayList<>();

        docker.logContainerCmd(id).withStdOut(true).withStdErr(true).exec(new ResultCallback.Adapter<Frame>() {
            @Override
            public void onNext(Frame frame) {
                frames.add(frame.getStreamType() + ":" + new String(frame.getPayload(), StandardCharsets.UTF_8));
            }
        }).awaitCompletion(30, TimeUnit.SECONDS);

        assertThat(frames).containsExactly("STDOUT:to-out\n", "STDERR:to-err\n");
    }

    @Test
    void execStreamsTheOutputAndReportsTheExitCode() throws Exception {
        pull("nginx");
        String container = runDetached("jworker", "nginx");
        String exec = docker.execCreateCmd(container).withCmd("sh", "-c", "echo from-exec; exit 5")
                .withAttachStdout(true).withAttachStderr(true).exec().getId();
        StringBuilder out = new StringBuilder();

        docker.execStartCmd(exec).exec(new ResultCallback.Adapter<Frame>() {
            @Override
            public void onNext(Frame frame) {
                out.append(new String(frame.getPayload(), StandardCharsets.UTF_8));
            }
        }).awaitCompletion(30, TimeUnit.SECONDS);

        assertThat(out.toString()).isEqualTo("from-exec\n");
        assertThat(docker.inspectExecCmd(exec).exec().getExitCodeLong()).isEqualTo(5L);
    }

    @Test
    void inspectStopAndRemoveFollowTheContainersLife() throws Exception {
        pull("nginx");
        String id = runDetached("jstopper", "nginx");

        InspectContainerResponse running = docker.inspectContainerCmd("jstopper").exec();
        docker.stopContainerCmd(id).exec();
        InspectContainerResponse stopped = docker.inspectContainerCmd(id).exec();
        docker.removeContainerCmd(id).exec();

        assertThat(running.getState().getRunning()).isTrue();
        assertThat(running.getNetworkSettings().getNetworks().get("bridge").getIpAddress()).startsWith("172.17.0.");
        assertThat(stopped.getState().getRunning()).isFalse();
        assertThat(stopped.getState().getExitCodeLong()).isZero();
        assertThatThrownBy(() -> docker.inspectContainerCmd(id).exec()).isInstanceOf(NotFoundException.class)
                .hasMessageContaining("No such container: " + id);
    }

    @Test
    void aCreatedNetworkIsListed() {
        String id = docker.createNetworkCmd().withName("jnet").withDriver("bridge").exec().getId();

        List<Network> networks = docker.listNetworksCmd().exec();

        assertThat(networks).anySatisfy(n -> {
            assertThat(n.getId()).isEqualTo(id);
            assertThat(n.getName()).isEqualTo("jnet");
            assertThat(n.getDriver()).isEqualTo("bridge");
        });
    }

    @Test
    void removingARunningContainerIsAConflict() throws Exception {
        pull("nginx");
        runDetached("jbusy", "nginx");

        assertThatThrownBy(() -> docker.removeContainerCmd("jbusy").exec()).isInstanceOf(ConflictException.class)
                .hasMessageContaining("container is running: stop the container before removing or force remove");
    }
}
