package org.laymanlabs.backend.engineapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.laymanlabs.sandbox.Sandbox;

/**
 * What a real client changes goes through the dispatcher as journaled calls, so that a sandbox
 * rebuilt from its journal, each call dispatched again at its instant, is the sandbox the client
 * left: the session's restore does exactly this (SandboxActor, Replay).
 */
@DisplayName("Journaled Engine API requests")
class EngineJournalTest {

    private static final String TOKEN = "token-for-the-journal";
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private HttpResponse<String> send(EngineApiServer server, String method, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Authorization", "Bearer " + TOKEN);
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aSandboxRebuiltFromTheJournaledCallsHasWhatTheClientDidWithTheSameIdsAndAnswers() throws Exception {
        DockerDispatcher dispatcher = new DockerDispatcher();
        InMemoryEngineAccess access = new InMemoryEngineAccess();
        try (SerialSandbox live = new SerialSandbox("journaled", 11, dispatcher);
             EngineApiServer server = EngineApiServer.start(InetAddress.getLoopbackAddress(), 0, access, dispatcher)) {
            access.issue(TOKEN, live);
            send(server, "POST", "/images/create?fromImage=nginx&tag=latest", null);
            send(server, "POST", "/v1.50/containers/create?name=web",
                    "{\"Image\":\"nginx\",\"HostConfig\":{\"PortBindings\":{\"80/tcp\":[{\"HostPort\":\"8080\"}]}}}");
            send(server, "POST", "/v1.50/containers/web/start", null);
            send(server, "POST", "/networks/create", "{\"Name\":\"labnet\"}");
            send(server, "POST", "/volumes/create", "{\"Name\":\"data\"}");
            String exec = send(server, "POST", "/containers/web/exec",
                    "{\"Cmd\":[\"sh\",\"-c\",\"echo from-the-api > /marker\"]}").body().substring(7, 71);
            send(server, "POST", "/exec/" + exec + "/start", "{\"Detach\":true}");
            HttpResponse<String> refused = send(server, "POST", "/containers/create?name=web", "{\"Image\":\"nginx\"}");
            send(server, "GET", "/containers/json", null);

            List<SerialSandbox.Called> journal = live.journal();
            Sandbox rebuilt = Sandbox.create(live.spec);
            List<String> replayed = journal.stream().map(called -> {
                rebuilt.clock().advance(Duration.between(rebuilt.clock().now(), called.at()));
                return answer(dispatcher.dispatch(rebuilt, called.request()));
            }).toList();

            assertThat(refused.statusCode()).isEqualTo(409);
            assertThat(journal).extracting(c -> c.request().method() + " " + c.request().target()).containsExactly(
                    "POST /images/create?fromImage=nginx&tag=latest", "POST /v1.50/containers/create?name=web",
                    "POST /v1.50/containers/web/start", "POST /networks/create", "POST /volumes/create",
                    "POST /containers/web/exec", "POST /exec/" + exec + "/start", "POST /containers/create?name=web");
            assertThat(replayed).isEqualTo(journal.stream().map(c -> answer(c.answer())).toList());
            String ps = "docker ps -a --format '{{.ID}} {{.Names}} {{.Image}} {{.State}} {{.Ports}}'";
            assertThat(rebuilt.shell().run(ps).stdout()).isEqualTo(live.read(s -> s.shell().run(ps).stdout()))
                    .contains(" web nginx running 0.0.0.0:8080->80/tcp");
            assertThat(rebuilt.shell().run("docker network ls").stdout())
                    .isEqualTo(live.read(s -> s.shell().run("docker network ls").stdout())).contains(" labnet ");
            assertThat(rebuilt.shell().run("docker volume ls").stdout()).contains("local     data\n");
            assertThat(rebuilt.shell().run("docker exec web cat /marker").stdout()).isEqualTo("from-the-api\n");
        }
    }

    private static String answer(org.laymanlabs.backend.session.ApiResponse response) {
        return response.status() + " " + new String(response.body(), StandardCharsets.UTF_8);
    }
}
