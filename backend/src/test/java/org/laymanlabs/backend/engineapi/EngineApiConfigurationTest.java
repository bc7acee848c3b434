package org.laymanlabs.backend.engineapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
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
import org.springframework.context.annotation.Bean;

/** The application serves the Engine API once sessions provide an {@link EngineAccess}, and not before. */
class EngineApiConfigurationTest {

    @TempDir
    Path data;

    private ConfigurableApplicationContext start(Class<?>... extra) {
        Class<?>[] sources = new Class<?>[extra.length + 1];
        sources[0] = BackendTestApplication.class;
        System.arraycopy(extra, 0, sources, 1, extra.length);
        return new SpringApplicationBuilder(sources).web(WebApplicationType.NONE)
                .run("--layman.data-dir=" + data, "--layman.engine-api.address=127.0.0.1");
    }

    /** The session service's part, as the lead will bind it: here, the shared test sandboxes' tokens. */
    static class Sessions {
        @Bean
        EngineAccess engineAccess() throws IOException {
            EngineApiFixture fixture = EngineApiFixture.shared();
            InMemoryEngineAccess access = new InMemoryEngineAccess();
            access.issue(EngineApiFixture.TOKEN, fixture.sandbox);
            return access;
        }
    }

    @Test
    void theApiServesASandboxWhenSessionsProvideTokens() throws Exception {
        try (ConfigurableApplicationContext app = start(Sessions.class)) {
            EngineApiServer server = app.getBean(EngineApiConfiguration.EngineApiLifecycle.class).server().orElseThrow();

            HttpResponse<String> ping = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + server.port() + "/_ping"))
                    .header("Authorization", "Bearer " + EngineApiFixture.TOKEN).build(), HttpResponse.BodyHandlers.ofString());

            assertThat(ping.statusCode()).isEqualTo(200);
            assertThat(ping.body()).isEqualTo("OK");
        }
    }

    @Test
    void withoutSessionsNothingListens() {
        try (ConfigurableApplicationContext app = start()) {
            assertThat(app.getBean(EngineApiConfiguration.EngineApiLifecycle.class).server()).isEmpty();
        }
    }
}
