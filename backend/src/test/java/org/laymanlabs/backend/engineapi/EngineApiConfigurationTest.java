package org.laymanlabs.backend.engineapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.laymanlabs.backend.BackendTestApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** The application serves the Engine API with its sessions' sandboxes, unless the operator turns it off. */
class EngineApiConfigurationTest {

    @TempDir
    Path data;

    private ConfigurableApplicationContext start(String... extra) {
        String[] args = new String[extra.length + 2];
        args[0] = "--layman.data-dir=" + data;
        args[1] = "--layman.engine-api.address=127.0.0.1";
        System.arraycopy(extra, 0, args, 2, extra.length);
        return new SpringApplicationBuilder(BackendTestApplication.class).web(WebApplicationType.NONE).run(args);
    }

    @Test
    void theAppServesTheApiOnAFreePortInTestsAndAsksForASandboxToken() throws Exception {
        try (ConfigurableApplicationContext app = start()) {
            EngineApiServer server = app.getBean(EngineApiConfiguration.EngineApiLifecycle.class).server().orElseThrow();

            HttpResponse<String> ping = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + server.port() + "/_ping")).build(), HttpResponse.BodyHandlers.ofString());

            assertThat(server.port()).isNotEqualTo(2375);
            assertThat(ping.statusCode()).isEqualTo(401);
            assertThat(app.getBean(EngineAccess.class).sandboxFor("llsbx_forged")).isEmpty();
        }
    }

    @Test
    void turnedOffNothingListens() {
        try (ConfigurableApplicationContext app = start("--layman.engine-api.enabled=false")) {
            assertThat(app.getBean(EngineApiConfiguration.EngineApiLifecycle.class).server()).isEmpty();
        }
    }
}
