package org.laymanlabs.backend.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import org.h2.tools.Server;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.laymanlabs.backend.BackendTestApplication;
import org.laymanlabs.backend.account.Accounts;
import org.laymanlabs.backend.account.Role;
import org.laymanlabs.backend.progress.TestCourse;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two replicas of the app on their own ports share one database (H2 in server mode here,
 * PostgreSQL in {@link ReplicaFailoverOnPostgresTest}), as behind a load balancer with sticky
 * sessions. A learner's sandbox moves to whichever replica their requests reach, and when a
 * replica dies another restores the sandbox from its snapshot: nothing acknowledged is lost, and
 * the dead replica can no longer write.
 */
class ReplicaFailoverTest {

    private static final Duration LEASE = Duration.ofSeconds(15);
    private static final String PASSWORD = "correct horse";

    @TempDir
    Path dataDir;

    private Server h2;
    private final MovableClock clockOfB = new MovableClock();
    private final List<ConfigurableApplicationContext> replicas = new ArrayList<>();
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    /** The shared database's arguments: an H2 server in the temporary folder. */
    List<String> database() {
        return List.of("--spring.datasource.url=jdbc:h2:tcp://localhost:" + h2.getPort() + "/replicas",
                "--spring.datasource.username=sa", "--spring.datasource.password=");
    }

    @BeforeEach
    void startDatabase() throws Exception {
        h2 = Server.createTcpServer("-tcpPort", "0", "-ifNotExists", "-baseDir", dataDir.toString()).start();
    }

    @AfterEach
    void stopAll() {
        replicas.forEach(ConfigurableApplicationContext::close);
        h2.stop();
    }

    private ConfigurableApplicationContext replica(String name, MovableClock clock) {
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--layman.data-dir=" + dataDir.resolve(name),
                "--layman.sessions.tick=0", "--layman.accounts.admin-password=adminadmin",
                "--layman.replicas.instance-id=" + name, "--layman.replicas.lease-duration=" + LEASE.toSeconds() + "s"));
        args.addAll(database());
        SpringApplicationBuilder app = new SpringApplicationBuilder(BackendTestApplication.class, TestCourse.class);
        if (clock != null) {
            app.initializers(context -> context.getBeanFactory().registerSingleton("clock", clock));
        }
        ConfigurableApplicationContext context = app.run(args.toArray(String[]::new));
        replicas.add(context);
        return context;
    }

    private static int port(ConfigurableApplicationContext replica) {
        return ((WebServerApplicationContext) replica).getWebServer().getPort();
    }

    /** One request of the learner, as the browser sends it to whichever replica the load balancer picks. */
    private JsonNode call(ConfigurableApplicationContext replica, String method, String path, Object body)
            throws IOException, InterruptedException {
        String auth = Base64.getEncoder().encodeToString(("ada:" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port(replica) + path))
                .header("Authorization", "Basic " + auth)
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isEqualTo(200);
        return response.body().isEmpty() ? null : json.readTree(response.body());
    }

    private JsonNode run(ConfigurableApplicationContext replica, UUID attempt, String line) throws Exception {
        return call(replica, "POST", "/api/attempts/" + attempt + "/commands", Map.of("line", line));
    }

    private static String state(ConfigurableApplicationContext replica, UUID attempt) {
        return replica.getBean(Sessions.class).ifLive(attempt).orElseThrow().query(ObservableState::ofCopy).join();
    }

    private static boolean holds(ConfigurableApplicationContext replica, UUID attempt) {
        return replica.getBean(Sessions.class).ifLive(attempt).isPresent();
    }

    @Test
    void theSandboxFollowsTheLearnerFromReplicaToReplicaAndSurvivesTheDeathOfOne() throws Exception {
        ConfigurableApplicationContext a = replica("replica-a", null);
        ConfigurableApplicationContext b = replica("replica-b", clockOfB);
        assertThat(port(a)).isNotEqualTo(port(b));
        a.getBean(Accounts.class).create("ada", PASSWORD, Role.LEARNER);
        UUID attempt = UUID.fromString(call(a, "POST", "/api/labs/" + TestCourse.LAB + "/attempt", null).get("id").asText());

        call(a, "PUT", "/api/attempts/" + attempt + "/files", Map.of("path", "/home/learner/notes.txt", "content", "done\n"));
        assertThat(run(a, attempt, "docker run -d --name web -p 8080:80 nginx").get("exitCode").asInt()).isZero();
        String onA = state(a, attempt);

        // The learner's requests reach B while A is alive: A hands the sandbox over at its heartbeat.
        assertThat(call(b, "GET", "/api/attempts/" + attempt + "/history", null)).hasSize(1);
        assertThat(holds(a, attempt)).isFalse();
        assertThat(state(b, attempt)).isEqualTo(onA);
        assertThat(run(b, attempt, "kubectl create deployment web --image=nginx --replicas=2").get("exitCode").asInt()).isZero();

        // And back to A, which gets everything B acknowledged.
        assertThat(run(a, attempt, "iptables -A INPUT -s 10.9.9.9 -j DROP").get("exitCode").asInt()).isZero();
        assertThat(holds(b, attempt)).isFalse();
        assertThat(call(a, "POST", "/api/attempts/" + attempt + "/steps/web/checks", null).get("passed").asBoolean()).isTrue();
        String beforeTheCrash = state(a, attempt);
        assertThat(beforeTheCrash).contains("notes.txt", "web-", "10.9.9.9");

        // A dies: it answers no one and its heartbeat stops; once its lease has expired, B takes over.
        a.getBean(SessionOwnership.class).stop();
        ((WebServerApplicationContext) a).getWebServer().stop();
        clockOfB.advance(LEASE.plusSeconds(1));

        JsonNode history = call(b, "GET", "/api/attempts/" + attempt + "/history", null);
        assertThat(history).extracting(line -> line.get("line").asText()).containsExactly(
                "docker run -d --name web -p 8080:80 nginx",
                "kubectl create deployment web --image=nginx --replicas=2",
                "iptables -A INPUT -s 10.9.9.9 -j DROP");
        assertThat(state(b, attempt)).isEqualTo(beforeTheCrash);
        assertThat(call(b, "GET", "/api/attempts/" + attempt, null).at("/steps/0/completed").asBoolean()).isTrue();
        assertThat(b.getBean(SandboxLeases.class).holder(attempt)).contains("replica-b");

        // The dead replica's copy can no longer write: the saved sandbox stays as the new holder left it.
        SessionStore store = b.getBean(SessionStore.class);
        SandboxJournal saved = store.journal(attempt).orElseThrow();
        SandboxActor zombie = a.getBean(Sessions.class).ifLive(attempt).orElseThrow();
        assertThatThrownBy(() -> zombie.run("touch /home/learner/zombie").join())
                .isInstanceOf(CompletionException.class)
                .hasCauseInstanceOf(SandboxLeases.LeaseLost.class);
        assertThat(holds(a, attempt)).isFalse();
        assertThat(store.journal(attempt)).contains(saved);
        assertThat(store.files(attempt)).containsOnlyKeys("/home/learner/notes.txt");
    }
}
