package org.laymanlabs.backend.engineapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Network;
import com.github.dockerjava.api.model.PortBinding;
import com.github.dockerjava.api.model.PullResponseItem;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.zerodep.ZerodepDockerHttpClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.laymanlabs.backend.BackendTestApplication;
import org.laymanlabs.backend.account.Accounts;
import org.laymanlabs.backend.account.Caller;
import org.laymanlabs.backend.account.Role;
import org.laymanlabs.backend.progress.Attempts;
import org.laymanlabs.backend.progress.TestCourse;
import org.laymanlabs.backend.session.SandboxActor;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The Engine API bound to learners' sessions in the running app: the real docker CLI drives a
 * learner's sandbox while its clock runs, a learner's token opens their attempt's sandbox and no
 * other, and what docker-java did there is in the sandbox's snapshot, so it is still there after
 * the server restarts (both runs share one H2 file in a temporary data directory).
 */
class EngineApiSessionTest {

    private static final String PS = "docker ps -a --format '{{.ID}} {{.Names}} {{.Image}} {{.State}} {{.Ports}}'";

    @TempDir
    Path dataDir;

    private ConfigurableApplicationContext start() {
        return start("0");
    }

    /** @param tick how often the sessions' clocks move on in real time; 0 stands them still */
    private ConfigurableApplicationContext start(String tick) {
        return new SpringApplicationBuilder(BackendTestApplication.class, TestCourse.class).web(WebApplicationType.NONE)
                .run("--layman.data-dir=" + dataDir, "--layman.sessions.tick=" + tick,
                        "--layman.accounts.admin-password=adminadmin", "--layman.engine-api.address=127.0.0.1");
    }

    private static int port(ConfigurableApplicationContext app) {
        return app.getBean(EngineApiConfiguration.EngineApiLifecycle.class).server().orElseThrow().port();
    }

    private static DockerClient docker(int port, String token) {
        DefaultDockerClientConfig config = DefaultDockerClientConfig.createDefaultConfigBuilder()
                .withDockerHost("tcp://127.0.0.1:" + port).withDockerTlsVerify(false).build();
        ZerodepDockerHttpClient transport = new ZerodepDockerHttpClient.Builder().dockerHost(config.getDockerHost()).build();
        return DockerClientImpl.getInstance(config, new TokenHeaderClient(transport, token));
    }

    private static String shell(ConfigurableApplicationContext app, Caller learner, UUID attemptId, String line) {
        SandboxActor sandbox = app.getBean(Attempts.class).sandbox(learner, attemptId);
        return sandbox.query(s -> s.shell().run(line).stdout()).join();
    }

    @Test
    void whatDockerJavaDidSurvivesARestartOfTheServer() throws Exception {
        Caller ada;
        UUID attemptId;
        String token;
        String psBefore;
        try (ConfigurableApplicationContext first = start()) {
            ada = first.getBean(Accounts.class).create("ada", "correct horse", Role.LEARNER).asCaller();
            Attempts attempts = first.getBean(Attempts.class);
            attemptId = attempts.startOrResume(ada, TestCourse.LAB).id();
            token = attempts.issueToken(ada, attemptId);
            DockerClient docker = docker(port(first), token);
            docker.pullImageCmd("nginx").withTag("latest").exec(new ResultCallback.Adapter<PullResponseItem>())
                    .awaitCompletion(60, TimeUnit.SECONDS);
            String id = docker.createContainerCmd("nginx").withName("web")
                    .withHostConfig(HostConfig.newHostConfig().withPortBindings(PortBinding.parse("8080:80"))).exec().getId();
            docker.startContainerCmd(id).exec();
            docker.createNetworkCmd().withName("labnet").exec();
            String exec = docker.execCreateCmd("web").withCmd("sh", "-c", "echo from-docker-java > /marker").exec().getId();
            docker.execStartCmd(exec).withDetach(true).exec(new ResultCallback.Adapter<>()).awaitCompletion(30, TimeUnit.SECONDS);
            psBefore = shell(first, ada, attemptId, PS);
            assertThat(psBefore).contains(id.substring(0, 12) + " web nginx running 0.0.0.0:8080->80/tcp");
        }

        try (ConfigurableApplicationContext second = start()) {
            DockerClient docker = docker(port(second), token);
            InspectContainerResponse web = docker.inspectContainerCmd("web").exec();

            assertThat(web.getState().getRunning()).isTrue();
            assertThat(web.getHostConfig().getPortBindings().getBindings().values())
                    .anySatisfy(b -> assertThat(b[0].getHostPortSpec()).isEqualTo("8080"));
            assertThat(docker.listNetworksCmd().exec()).extracting(Network::getName).contains("labnet");
            assertThat(shell(second, ada, attemptId, PS)).isEqualTo(psBefore);
            assertThat(shell(second, ada, attemptId, "docker exec web cat /marker")).isEqualTo("from-docker-java\n");
        }
    }

    @Test
    void theDockerCliDrivesALearnersSandboxInTheRunningApp(@TempDir Path home) throws Exception {
        Optional<Path> executable = DockerCli.find();
        if (executable.isEmpty()) {
            System.out.println("EngineApiSessionTest: the docker CLI test is skipped: no docker CLI on PATH or in /usr/local/bin");
        }
        Assumptions.assumeTrue(executable.isPresent(), "no docker CLI on this machine");
        try (ConfigurableApplicationContext app = start("100ms")) {
            Caller ada = app.getBean(Accounts.class).create("ada", "correct horse", Role.LEARNER).asCaller();
            Attempts attempts = app.getBean(Attempts.class);
            UUID attemptId = attempts.startOrResume(ada, TestCourse.LAB).id();
            DockerCli docker = DockerCli.configured(executable.get(), "tcp://127.0.0.1:" + port(app), home.resolve("docker"),
                    attempts.issueToken(ada, attemptId), attemptId.toString());
            String format = "{{.Names}} {{.Image}} {{.Ports}}";

            DockerCli.Run run = docker.run(home, "run", "-d", "-p", "8080:80", "--name", "web", "nginx");
            DockerCli.Run ps = docker.run(home, "ps", "--format", format);
            DockerCli.Run exec = docker.run(home, "exec", "web", "ls", "/etc/nginx/conf.d");
            DockerCli.Run once = docker.run(home, "run", "--rm", "--name", "once", "busybox", "sh", "-c", "echo hello; exit 3");

            assertThat(run.exitCode()).isZero();
            assertThat(run.stdout()).matches("[0-9a-f]{64}\n");
            assertThat(ps.stdout()).isEqualTo(shell(app, ada, attemptId, "docker ps --format '" + format + "'"))
                    .isEqualTo("web nginx 0.0.0.0:8080->80/tcp, [::]:8080->80/tcp\n");
            assertThat(exec.stdout()).isEqualTo("default.conf\n");
            assertThat(once.stdout()).isEqualTo("hello\n");
            assertThat(once.exitCode()).isEqualTo(3);
            assertThat(shell(app, ada, attemptId, "docker ps -a --format '{{.Names}}'")).isEqualTo("web\n");
        }
    }

    @Test
    void aLearnersTokenOpensTheirSandboxOnlyAndNamingAnothersIsForbidden() throws Exception {
        try (ConfigurableApplicationContext app = start()) {
            Accounts accounts = app.getBean(Accounts.class);
            Attempts attempts = app.getBean(Attempts.class);
            Caller ada = accounts.create("ada", "correct horse", Role.LEARNER).asCaller();
            Caller bob = accounts.create("bob", "battery staple", Role.LEARNER).asCaller();
            UUID adas = attempts.startOrResume(ada, TestCourse.LAB).id();
            UUID bobs = attempts.startOrResume(bob, TestCourse.LAB).id();
            String bobsToken = attempts.issueToken(bob, bobs);
            attempts.run(ada, adas, "docker run -d --name adas-web nginx");
            HttpClient http = HttpClient.newHttpClient();
            String base = "http://127.0.0.1:" + port(app);

            HttpResponse<String> naming = http.send(HttpRequest.newBuilder(URI.create(base + "/containers/adas-web/json"))
                    .header("Authorization", "Bearer " + bobsToken).header("X-Layman-Sandbox", adas.toString()).build(),
                    HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> own = http.send(HttpRequest.newBuilder(URI.create(base + "/containers/adas-web/json"))
                    .header("Authorization", "Bearer " + bobsToken).header("X-Layman-Sandbox", bobs.toString()).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(naming.statusCode()).isEqualTo(403);
            assertThat(naming.body()).isEqualTo("{\"message\":\"this token does not open sandbox " + adas + "\"}\n");
            assertThat(own.statusCode()).isEqualTo(404);
            assertThat(own.body()).isEqualTo("{\"message\":\"No such container: adas-web\"}\n");
            attempts.revokeTokens(bob, bobs);
            assertThat(http.send(HttpRequest.newBuilder(URI.create(base + "/_ping")).header("Authorization", "Bearer "
                    + bobsToken).build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(401);
        }
    }
}
