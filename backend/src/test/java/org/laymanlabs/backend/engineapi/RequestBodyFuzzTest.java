package org.laymanlabs.backend.engineapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.laymanlabs.backend.Fuzz;

/**
 * Engine API request bodies a client could send, mangled: each is read into what dockerd would
 * decode, or refused with a 400 and a message in Go's words, never with any other exception (which
 * the server would turn into a 500 naming a Java class).
 */
class RequestBodyFuzzTest {

    private static final List<String> BODIES = List.of(
            "{\"Image\":\"nginx:1.27\",\"Cmd\":[\"sh\",\"-c\",\"echo hi\"],\"Env\":[\"A=1\"],\"WorkingDir\":\"/app\","
                    + "\"Labels\":{\"app\":\"web\"},\"ExposedPorts\":{\"80/tcp\":{}},\"HostConfig\":{\"PortBindings\":"
                    + "{\"80/tcp\":[{\"HostIp\":\"\",\"HostPort\":\"8080\"}]},\"RestartPolicy\":{\"Name\":\"on-failure\","
                    + "\"MaximumRetryCount\":3},\"AutoRemove\":false,\"NetworkMode\":\"bridge\"}}",
            "{\"Image\":\"busybox\",\"Entrypoint\":[\"sleep\"],\"Cmd\":[\"3600\"],\"Tty\":true,\"OpenStdin\":true,"
                    + "\"HostConfig\":{\"Binds\":[\"data:/data\"],\"NetworkMode\":\"host\"}}",
            "{\"Image\":\"redis\",\"Hostname\":\"cache\",\"User\":\"1000:1000\",\"StopSignal\":\"SIGTERM\","
                    + "\"HostConfig\":{\"RestartPolicy\":{\"Name\":\"always\"},\"PublishAllPorts\":true}}");

    @Test
    void tenThousandContainerCreateBodiesAreEachReadOrRefusedWithA400() {
        int[] outcomes = new int[2];
        Fuzz.run(10_000, BODIES, body -> {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            HttpRequest request = new HttpRequest("POST", "/containers/create", "/containers/create", Map.of(),
                    Map.of("content-length", Integer.toString(bytes.length), "content-type", "application/json"),
                    new ByteArrayInputStream(bytes));
            try {
                assertThat(ContainerCreateRequest.read(request, "fuzz")).isNotNull();
                outcomes[0]++;
            } catch (ApiException refused) {
                assertThat(refused.status()).isEqualTo(400);
                assertThat(refused.getMessage()).isNotBlank().doesNotContain("Exception").doesNotContain("com.fasterxml");
                outcomes[1]++;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        assertThat(outcomes[0]).as("bodies read").isGreaterThan(500);
        assertThat(outcomes[1]).as("bodies refused").isGreaterThan(500);
    }
}
