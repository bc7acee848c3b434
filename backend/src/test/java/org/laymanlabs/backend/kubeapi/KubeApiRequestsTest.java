package org.laymanlabs.backend.kubeapi;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The Kubernetes API's answers to requests a real client could send, byte for byte where
 * kube-apiserver's are known: who may in, the Status bodies of refused requests with their HTTP
 * codes, discovery, OpenAPI and Tables.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayName("The Kubernetes API's answers")
class KubeApiRequestsTest {

    private KubeApiFixture api;
    private HttpClient http;

    @BeforeAll
    void connect() throws Exception {
        api = KubeApiFixture.shared();
        http = HttpClient.newBuilder().sslContext(api.trusting()).version(HttpClient.Version.HTTP_1_1).build();
    }

    private HttpResponse<String> send(String method, String path, String token, String contentType, String body)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(api.baseUrl() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> send(String method, String path, String body) throws Exception {
        return send(method, "/sandboxes/sb-a" + path, KubeApiFixture.TOKEN, "application/json", body);
    }

    @Test
    void aRequestWithoutATokenIsUnauthorized() throws Exception {
        HttpResponse<String> response = send("GET", "/api/v1/namespaces/default/pods", null, null, null);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).isEqualTo("{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"metadata\":{},\"status\":\"Failure\","
                + "\"message\":\"Unauthorized\",\"reason\":\"Unauthorized\",\"code\":401}");
    }

    @Test
    void aTokenOpensItsOwnSandboxAndIsForbiddenAnyOther() throws Exception {
        HttpResponse<String> own = send("GET", "/sandboxes/sb-b/api/v1/namespaces", KubeApiFixture.OTHER_TOKEN, null, null);
        HttpResponse<String> other = send("GET", "/sandboxes/sb-a/api/v1/namespaces/default/pods", KubeApiFixture.OTHER_TOKEN,
                null, null);

        assertThat(own.statusCode()).isEqualTo(200);
        assertThat(other.statusCode()).isEqualTo(403);
        assertThat(other.body()).isEqualTo("{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"metadata\":{},\"status\":\"Failure\","
                + "\"message\":\"forbidden: User \\\"learner:sb-b\\\" cannot get path \\\"/sandboxes/sb-a/api/v1/namespaces/default/pods\\\"\","
                + "\"reason\":\"Forbidden\",\"details\":{},\"code\":403}");
    }

    @Test
    void aTokensChangesReachOnlyItsOwnSandbox() throws Exception {
        HttpResponse<String> created = send("POST", "/sandboxes/sb-b/api/v1/namespaces/default/configmaps", KubeApiFixture.OTHER_TOKEN,
                "application/json", "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"only-in-b\"}}");

        assertThat(created.statusCode()).isEqualTo(201);
        Optional<ConfigMap> inA = api.sandbox.read(s -> s.cluster().api().get(ConfigMap.class, "default", "only-in-b"));
        Optional<ConfigMap> inB = api.other.read(s -> s.cluster().api().get(ConfigMap.class, "default", "only-in-b"));
        assertThat(inA).isEmpty();
        assertThat(inB).isPresent();
    }

    @Test
    void malformedJsonIsABadRequest() throws Exception {
        HttpResponse<String> response = send("POST", "/api/v1/namespaces/default/configmaps", "{\"apiVersion\":\"v1\",");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).isEqualTo("{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"metadata\":{},\"status\":\"Failure\","
                + "\"message\":\"couldn't get version/kind; json parse error: unexpected end of JSON input\",\"reason\":\"BadRequest\","
                + "\"code\":400}");
    }

    @Test
    void anUnknownFieldIsABadRequestUnderStrictValidationAndAWarningOtherwise() throws Exception {
        String pod = "{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"%s\"},\"spec\":{\"containers\":"
                + "[{\"name\":\"app\",\"image\":\"nginx:1.27\",\"colour\":\"red\"}]}}";

        HttpResponse<String> strict = send("POST", "/api/v1/namespaces/default/pods?fieldValidation=Strict", pod.formatted("strict"));
        HttpResponse<String> warned = send("POST", "/api/v1/namespaces/default/pods", pod.formatted("warned"));

        assertThat(strict.statusCode()).isEqualTo(400);
        assertThat(strict.body()).contains("\"message\":\"Pod in version \\\"v1\\\" cannot be handled as a Pod: strict decoding error:"
                + " unknown field \\\"spec.containers[0].colour\\\"\",\"reason\":\"BadRequest\",\"code\":400}");
        assertThat(warned.statusCode()).isEqualTo(201);
        assertThat(warned.headers().firstValue("Warning")).contains("299 - \"unknown field \\\"spec.containers[0].colour\\\"\"");
        assertThat(warned.body()).doesNotContain("colour");
        send("DELETE", "/api/v1/namespaces/default/pods/warned", null);
    }

    @Test
    void aMissingObjectIsNotFoundWithItsDetails() throws Exception {
        HttpResponse<String> response = send("GET", "/api/v1/namespaces/default/pods/nope", null);
        HttpResponse<String> deployment = send("DELETE", "/apis/apps/v1/namespaces/default/deployments/nope", null);

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).isEqualTo("{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"metadata\":{},\"status\":\"Failure\","
                + "\"message\":\"pods \\\"nope\\\" not found\",\"reason\":\"NotFound\",\"details\":{\"name\":\"nope\",\"kind\":\"pods\"},"
                + "\"code\":404}");
        assertThat(deployment.statusCode()).isEqualTo(404);
        assertThat(deployment.body()).contains("\"message\":\"deployments.apps \\\"nope\\\" not found\",\"reason\":\"NotFound\","
                + "\"details\":{\"name\":\"nope\",\"group\":\"apps\",\"kind\":\"deployments\"},\"code\":404}");
    }

    @Test
    void aWrongMethodIsMethodNotAllowedAndAnUnknownPathNotFound() throws Exception {
        HttpResponse<String> put = send("PUT", "/api/v1/namespaces/default/configmaps", "{}");
        HttpResponse<String> unknown = send("GET", "/api/v1/namespaces/default/widgets", null);

        assertThat(put.statusCode()).isEqualTo(405);
        assertThat(put.body()).isEqualTo("{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"metadata\":{},\"status\":\"Failure\","
                + "\"message\":\"the server does not allow this method on the requested resource\",\"reason\":\"MethodNotAllowed\","
                + "\"details\":{},\"code\":405}");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("\"message\":\"the server could not find the requested resource\",\"reason\":\"NotFound\"");
    }

    @Test
    void aSecondCreateIsAlreadyExistsAndAStaleUpdateAConflict() throws Exception {
        String map = "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"twice\"%s},\"data\":{\"a\":\"%s\"}}";
        assertThat(send("POST", "/api/v1/namespaces/default/configmaps", map.formatted("", "1")).statusCode()).isEqualTo(201);

        HttpResponse<String> again = send("POST", "/api/v1/namespaces/default/configmaps", map.formatted("", "2"));
        HttpResponse<String> stale = send("PUT", "/api/v1/namespaces/default/configmaps/twice",
                map.formatted(",\"resourceVersion\":\"1\"", "3"));

        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.body()).contains("\"message\":\"configmaps \\\"twice\\\" already exists\",\"reason\":\"AlreadyExists\","
                + "\"details\":{\"name\":\"twice\",\"kind\":\"configmaps\"},\"code\":409}");
        assertThat(stale.statusCode()).isEqualTo(409);
        assertThat(stale.body()).contains("\"message\":\"Operation cannot be fulfilled on configmaps \\\"twice\\\": the object has been"
                + " modified; please apply your changes to the latest version and try again\",\"reason\":\"Conflict\"");
    }

    @Test
    void anInvalidObjectIsUnprocessableWithItsCauses() throws Exception {
        HttpResponse<String> response = send("POST", "/apis/apps/v1/namespaces/default/deployments", "{\"apiVersion\":\"apps/v1\","
                + "\"kind\":\"Deployment\",\"metadata\":{\"name\":\"bad\"},\"spec\":{\"replicas\":-1,\"selector\":{\"matchLabels\":"
                + "{\"app\":\"bad\"}},\"template\":{\"metadata\":{\"labels\":{\"app\":\"bad\"}},\"spec\":{\"containers\":[{\"name\":"
                + "\"app\",\"image\":\"nginx:1.27\"}]}}}}");

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(response.body()).contains("\"reason\":\"Invalid\",\"details\":{\"name\":\"bad\",\"group\":\"apps\",\"kind\":"
                + "\"Deployment\",\"causes\":[{\"reason\":\"FieldValueInvalid\",\"message\":\"Invalid value: -1: must be greater than"
                + " or equal to 0\",\"field\":\"spec.replicas\"}]},\"code\":422}");
    }

    @Test
    void discoveryIsAggregatedWhenTheClientAsksForItAsKubectlDoes() throws Exception {
        HttpResponse<String> aggregated = http.send(HttpRequest.newBuilder(URI.create(api.baseUrl() + "/sandboxes/sb-a/apis"))
                .header("Authorization", "Bearer " + KubeApiFixture.TOKEN)
                .header("Accept", "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json").build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> legacy = send("GET", "/api", null);

        assertThat(aggregated.headers().firstValue("Content-Type"))
                .contains("application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList");
        assertThat(aggregated.body()).startsWith("{\"kind\":\"APIGroupDiscoveryList\",\"apiVersion\":\"apidiscovery.k8s.io/v2\"")
                .contains("{\"resource\":\"deployments\",\"responseKind\":{\"group\":\"apps\",\"version\":\"v1\",\"kind\":\"Deployment\"},"
                        + "\"scope\":\"Namespaced\",\"singularResource\":\"deployment\"");
        assertThat(legacy.body()).startsWith("{\"kind\":\"APIVersions\",\"versions\":[\"v1\"]");
    }

    @Test
    void openApiV3TellsKubectlThatPatchTakesFieldValidation() throws Exception {
        HttpResponse<String> index = send("GET", "/openapi/v3", null);
        HttpResponse<String> core = send("GET", "/openapi/v3/api/v1", null);

        assertThat(index.body()).contains("\"api/v1\":{\"serverRelativeURL\":\"/openapi/v3/api/v1?hash=");
        assertThat(core.body()).contains("\"/api/v1/namespaces/{namespace}/pods/{name}\"")
                .contains("{\"name\":\"fieldValidation\",\"in\":\"query\"")
                .contains("\"io.k8s.api.core.v1.Pod\":{\"description\":\"Pod is a collection of containers");
    }

    @Test
    void aListIsATableWhenKubectlAsksForOne() throws Exception {
        HttpResponse<String> table = http.send(HttpRequest.newBuilder(URI.create(api.baseUrl()
                        + "/sandboxes/sb-a/api/v1/nodes?limit=500"))
                .header("Authorization", "Bearer " + KubeApiFixture.TOKEN)
                .header("Accept", "application/json;as=Table;v=v1;g=meta.k8s.io,application/json").build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(table.body()).startsWith("{\"kind\":\"Table\",\"apiVersion\":\"meta.k8s.io/v1\",\"metadata\":{\"resourceVersion\":")
                .contains("\"columnDefinitions\":[{\"name\":\"Name\",\"type\":\"string\",\"format\":\"name\"")
                .contains("{\"cells\":[\"control-plane\",\"Ready\",\"control-plane\",");
    }

    @Test
    void aWatchOverAWebSocketSendsEachEventAsAMessage() throws Exception {
        BlockingQueue<String> messages = new LinkedBlockingQueue<>();
        WebSocket socket = http.newWebSocketBuilder().header("Authorization", "Bearer " + KubeApiFixture.TOKEN)
                .buildAsync(URI.create(api.baseUrl().replace("https:", "wss:")
                        + "/sandboxes/sb-a/api/v1/namespaces/default/configmaps?watch=true&labelSelector=ws%3Dyes"),
                        new WebSocket.Listener() {
                            @Override
                            public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                                messages.add(data.toString());
                                webSocket.request(1);
                                return null;
                            }
                        }).get(30, TimeUnit.SECONDS);
        try {
            send("POST", "/api/v1/namespaces/default/configmaps", "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":"
                    + "{\"name\":\"over-ws\",\"labels\":{\"ws\":\"yes\"}}}");
            send("DELETE", "/api/v1/namespaces/default/configmaps/over-ws", null);

            String added = messages.poll(30, TimeUnit.SECONDS);
            String deleted = messages.poll(30, TimeUnit.SECONDS);

            assertThat(added).startsWith("{\"type\":\"ADDED\",\"object\":{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\"")
                    .contains("\"name\":\"over-ws\"");
            assertThat(deleted).startsWith("{\"type\":\"DELETED\"");
        } finally {
            socket.abort();
        }
    }

    @Test
    void healthNeedsNoToken() throws Exception {
        HttpResponse<String> ready = send("GET", "/readyz", null, null, null);

        assertThat(ready.statusCode()).isEqualTo(200);
        assertThat(ready.body()).isEqualTo("ok");
    }
}
