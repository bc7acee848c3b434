package org.laymanlabs.backend.engineapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.laymanlabs.sandbox.container.Container;

/**
 * The Engine API at the HTTP level: who gets in (tokens, 401 and 403), and the status codes and
 * {@code {"message":…}} bodies dockerd gives requests it refuses.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayName("Engine API requests")
class EngineApiRequestsTest {

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private EngineApiFixture api;

    @BeforeAll
    void start() throws IOException {
        api = EngineApiFixture.shared();
    }

    private HttpResponse<String> send(String method, String path, String body, String... headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.server.port() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> as(String token, String method, String path, String body)
            throws IOException, InterruptedException {
        return send(method, path, body, "Authorization", "Bearer " + token);
    }

    private HttpResponse<String> call(String method, String path, String body) throws IOException, InterruptedException {
        return as(EngineApiFixture.TOKEN, method, path, body);
    }

    @Nested
    @DisplayName("Access")
    class Access {

        @Test
        void aRequestWithoutATokenIsUnauthorized() throws Exception {
            HttpResponse<String> ping = send("GET", "/_ping", null);

            assertThat(ping.statusCode()).isEqualTo(401);
            assertThat(ping.body()).startsWith("{\"message\":\"this Engine API needs your sandbox's token");
        }

        @Test
        void anUnknownTokenIsUnauthorized() throws Exception {
            assertThat(as("forged", "GET", "/containers/json", null).statusCode()).isEqualTo(401);
        }

        @Test
        void aTokenNamingAnotherSandboxIsForbiddenAndChangesNothingThere() throws Exception {
            HttpResponse<String> create = send("POST", "/containers/create?name=intruder", "{\"Image\":\"busybox\"}",
                    "Authorization", "Bearer " + EngineApiFixture.TOKEN, "X-Layman-Sandbox", "sb-b");

            assertThat(create.statusCode()).isEqualTo(403);
            assertThat(create.body()).isEqualTo("{\"message\":\"this token does not open sandbox sb-b\"}\n");
            Optional<Container> inB = api.other.read(s -> s.containers().containers().find("intruder"));
            Optional<Container> inA = api.sandbox.read(s -> s.containers().containers().find("intruder"));
            assertThat(inB).isEmpty();
            assertThat(inA).isEmpty();
        }

        @Test
        void eachTokenReachesOnlyItsOwnSandbox() throws Exception {
            as(EngineApiFixture.OTHER_TOKEN, "POST", "/images/create?fromImage=busybox&tag=latest", null);
            HttpResponse<String> created = as(EngineApiFixture.OTHER_TOKEN, "POST", "/containers/create?name=only-in-b",
                    "{\"Image\":\"busybox\",\"Cmd\":[\"true\"]}");

            assertThat(created.statusCode()).isEqualTo(201);
            assertThat(as(EngineApiFixture.OTHER_TOKEN, "GET", "/containers/only-in-b/json", null).statusCode()).isEqualTo(200);
            assertThat(call("GET", "/containers/only-in-b/json", null).body())
                    .isEqualTo("{\"message\":\"No such container: only-in-b\"}\n");
        }
    }

    @Nested
    @DisplayName("Bad requests")
    class BadRequests {

        @Test
        void malformedJsonIsABadRequestInGosWords() throws Exception {
            HttpResponse<String> response = call("POST", "/containers/create", "{bad");

            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(response.body()).isEqualTo(
                    "{\"message\":\"invalid JSON: invalid character 'b' looking for beginning of object key string\"}\n");
        }

        @Test
        void anEmptyBodyIsABadRequest() throws Exception {
            HttpResponse<String> response = call("POST", "/containers/create", null);

            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(response.body()).isEqualTo("{\"message\":\"invalid JSON: got EOF while reading request body\"}\n");
        }

        @Test
        void aFieldOfTheWrongTypeIsABadRequest() throws Exception {
            HttpResponse<String> response = call("POST", "/containers/create", "{\"Image\":\"busybox\",\"Tty\":\"yes\"}");

            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(response.body()).contains("cannot unmarshal string into Go struct field container.Config.Tty of type bool");
        }

        @Test
        void unknownFieldsAreIgnoredAsDockerdsDecoderIgnoresThem() throws Exception {
            call("POST", "/images/create?fromImage=busybox&tag=latest", null);

            HttpResponse<String> response = call("POST", "/containers/create?name=tolerant",
                    "{\"Image\":\"busybox\",\"Cmd\":[\"true\"],\"NoSuchField\":1}");

            assertThat(response.statusCode()).isEqualTo(201);
            assertThat(response.body()).matches("\\{\"Id\":\"[0-9a-f]{64}\",\"Warnings\":\\[]}\n");
        }

        @Test
        void aBodyThatIsNotSentAsJsonIsRefusedForItsContentType() throws Exception {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + api.server.port() + "/networks/create"))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"Name\":\"plain\"}"))
                    .header("Authorization", "Bearer " + EngineApiFixture.TOKEN).header("Content-Type", "text/plain").build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(response.body()).isEqualTo(
                    "{\"message\":\"unsupported Content-Type header (text/plain): must be 'application/json'\"}\n");
            boolean created = api.sandbox.read(s -> s.containers().networks().networks().stream()
                    .anyMatch(n -> n.name().equals("plain")));
            assertThat(created).isFalse();
        }

        @Test
        void contentAfterTheJsonIsABadRequest() throws Exception {
            HttpResponse<String> response = call("POST", "/networks/create", "{\"Name\":\"one\"} {\"Name\":\"two\"}");

            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(response.body()).isEqualTo("{\"message\":\"unexpected content after JSON\"}\n");
        }

        @Test
        void changingAMissingObjectIsNotFoundInTheDaemonsWords() throws Exception {
            assertThat(List.of(call("POST", "/containers/nosuch/start", null), call("POST", "/containers/nosuch/stop", null),
                    call("DELETE", "/containers/nosuch", null), call("POST", "/images/nosuch/tag?repo=other&tag=v1", null),
                    call("DELETE", "/networks/nosuch", null), call("POST", "/exec/nosuch/start", "{\"Detach\":true}")))
                    .extracting(HttpResponse::statusCode, HttpResponse::body)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple(404, "{\"message\":\"No such container: nosuch\"}\n"),
                            org.assertj.core.groups.Tuple.tuple(404, "{\"message\":\"No such container: nosuch\"}\n"),
                            org.assertj.core.groups.Tuple.tuple(404, "{\"message\":\"No such container: nosuch\"}\n"),
                            org.assertj.core.groups.Tuple.tuple(404, "{\"message\":\"No such image: nosuch:latest\"}\n"),
                            org.assertj.core.groups.Tuple.tuple(404, "{\"message\":\"network nosuch not found\"}\n"),
                            org.assertj.core.groups.Tuple.tuple(404, "{\"message\":\"No such exec instance: nosuch\"}\n"));
        }

        @Test
        void anUnknownFilterIsABadRequest() throws Exception {
            HttpResponse<String> response = call("GET", "/containers/json?filters=%7B%22bogus%22%3A%5B%22x%22%5D%7D", null);

            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(response.body()).isEqualTo("{\"message\":\"invalid filter 'bogus'\"}\n");
        }

        @Test
        void missingObjectsAreNotFound() throws Exception {
            assertThat(List.of(call("GET", "/containers/nosuch/json", null), call("GET", "/images/nosuch/json", null),
                    call("GET", "/exec/nosuch/json", null), call("DELETE", "/volumes/nosuch", null)))
                    .extracting(HttpResponse::statusCode, HttpResponse::body)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple(404, "{\"message\":\"No such container: nosuch\"}\n"),
                            org.assertj.core.groups.Tuple.tuple(404, "{\"message\":\"No such image: nosuch:latest\"}\n"),
                            org.assertj.core.groups.Tuple.tuple(404, "{\"message\":\"No such exec instance: nosuch\"}\n"),
                            org.assertj.core.groups.Tuple.tuple(404, "{\"message\":\"get nosuch: no such volume\"}\n"));
        }

        @Test
        void aWrongMethodOrPathIsPageNotFoundAsInDockerd() throws Exception {
            for (HttpResponse<String> response : List.of(call("DELETE", "/version", null),
                    call("GET", "/containers/create", null), call("GET", "/no/such/route", null))) {
                assertThat(response.statusCode()).isEqualTo(404);
                assertThat(response.body()).isEqualTo("{\"message\":\"page not found\"}\n");
            }
        }

        @Test
        void anApiVersionOutsideTheEnginesRangeIsRefused() throws Exception {
            assertThat(call("GET", "/v1.99/version", null).body())
                    .isEqualTo("{\"message\":\"client version 1.99 is too new. Maximum supported API version is 1.50\"}\n");
            assertThat(call("GET", "/v1.12/version", null).body()).isEqualTo("{\"message\":\"client version 1.12 is too old."
                    + " Minimum supported API version is 1.24, please upgrade your client to a newer version\"}\n");
        }

        @Test
        void aNameInUseIsAConflict() throws Exception {
            call("POST", "/images/create?fromImage=busybox&tag=latest", null);
            call("POST", "/containers/create?name=taken", "{\"Image\":\"busybox\",\"Cmd\":[\"true\"]}");

            HttpResponse<String> again = call("POST", "/containers/create?name=taken", "{\"Image\":\"busybox\",\"Cmd\":[\"true\"]}");

            assertThat(again.statusCode()).isEqualTo(409);
            assertThat(again.body()).startsWith("{\"message\":\"Conflict. The container name \\\"/taken\\\" is already in use");
        }
    }

    @Nested
    @DisplayName("Ping and versions")
    class Ping {

        @Test
        void headPingCarriesTheHeadersTheClientNegotiatesWith() throws Exception {
            HttpResponse<String> ping = call("HEAD", "/_ping", null);

            assertThat(ping.statusCode()).isEqualTo(200);
            assertThat(ping.headers().firstValue("Api-Version")).contains("1.50");
            assertThat(ping.headers().firstValue("Ostype")).contains("linux");
            assertThat(ping.headers().firstValue("Docker-Experimental")).contains("false");
            assertThat(ping.headers().firstValue("Builder-Version")).contains("1");
            assertThat(ping.headers().firstValue("Cache-Control")).contains("no-cache, no-store, must-revalidate");
            assertThat(ping.headers().firstValue("Pragma")).contains("no-cache");
            assertThat(ping.body()).isEmpty();
            assertThat(call("GET", "/_ping", null).body()).isEqualTo("OK");
        }

        @Test
        void versionedAndUnversionedPathsReachTheSameRoute() throws Exception {
            HttpResponse<String> versioned = call("GET", "/v1.50/version", null);
            HttpResponse<String> plain = call("GET", "/version", null);

            assertThat(versioned.statusCode()).isEqualTo(200);
            assertThat(versioned.body()).isEqualTo(plain.body()).contains("\"ApiVersion\":\"1.50\",\"MinAPIVersion\":\"1.24\"");
        }
    }
}
