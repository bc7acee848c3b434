package org.laymanlabs.backend.kubeapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.laymanlabs.backend.BackendTestApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

/** The application serves the Kubernetes API once sessions provide a {@link KubeAccess}, and not before. */
class KubeApiConfigurationTest {

    @TempDir
    Path data;

    private ConfigurableApplicationContext start(Class<?>... extra) {
        return start(true, extra);
    }

    private ConfigurableApplicationContext start(boolean enabled, Class<?>... extra) {
        Class<?>[] sources = new Class<?>[extra.length + 1];
        sources[0] = BackendTestApplication.class;
        System.arraycopy(extra, 0, sources, 1, extra.length);
        return new SpringApplicationBuilder(sources).web(WebApplicationType.NONE)
                .run("--layman.data-dir=" + data, "--layman.kube-api.address=127.0.0.1", "--layman.kube-api.enabled=" + enabled);
    }

    /** In place of the session service's access: the shared test sandbox's token. */
    static class Sessions {
        @Bean
        @org.springframework.context.annotation.Primary
        KubeAccess kubeAccess() throws IOException {
            InMemoryKubeAccess access = new InMemoryKubeAccess();
            access.issue(KubeApiFixture.TOKEN, KubeApiFixture.shared().sandbox);
            return access;
        }
    }

    @Test
    void theApiServesOverTlsWithACertificateKeptInTheDataDirAndOffersAKubeconfig() throws Exception {
        try (ConfigurableApplicationContext app = start(Sessions.class)) {
            KubeApiConfiguration.KubeApiLifecycle lifecycle = app.getBean(KubeApiConfiguration.KubeApiLifecycle.class);
            KubeApiServer server = lifecycle.server().orElseThrow();
            String kubeconfig = lifecycle.kubeconfig("sb-a", KubeApiFixture.TOKEN).orElseThrow();

            HttpResponse<String> version = HttpClient.newBuilder().sslContext(trusting(data.resolve("kube-api/serving.p12")))
                    .build().send(HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + server.port() + "/version")).build(),
                            HttpResponse.BodyHandlers.ofString());

            assertThat(Files.exists(data.resolve("kube-api/serving.p12"))).isTrue();
            assertThat(version.body()).contains("\"gitVersion\":\"v1.32.5\"");
            assertThat(kubeconfig).contains("    server: https://localhost:" + server.port() + "/sandboxes/sb-a\n")
                    .contains("    token: " + KubeApiFixture.TOKEN + "\n").contains("certificate-authority-data: ");
        }
    }

    @Test
    void theAppServesLearnersSessionsAndAForgedTokenOpensNothing() {
        try (ConfigurableApplicationContext app = start()) {
            assertThat(app.getBean(KubeApiConfiguration.KubeApiLifecycle.class).server()).isPresent();
            assertThat(app.getBean(SessionKubeAccess.class).sandboxFor("llsbx_forged")).isEmpty();
        }
    }

    @Test
    void turnedOffNothingListens() {
        try (ConfigurableApplicationContext app = start(false)) {
            assertThat(app.getBean(KubeApiConfiguration.KubeApiLifecycle.class).server()).isEmpty();
            assertThat(app.getBean(KubeDispatcher.class).api()).isEqualTo("kubernetes");
        }
    }

    private static javax.net.ssl.SSLContext trusting(Path store) throws Exception {
        ServingCertificate certificate = ServingCertificate.loadOrCreate(store, "layman-labs", java.util.List.of());
        java.security.KeyStore roots = java.security.KeyStore.getInstance("PKCS12");
        roots.load(null, null);
        roots.setCertificateEntry("kube-api", java.security.cert.CertificateFactory.getInstance("X.509").generateCertificate(
                new java.io.ByteArrayInputStream(certificate.pem().getBytes(java.nio.charset.StandardCharsets.US_ASCII))));
        javax.net.ssl.TrustManagerFactory trust = javax.net.ssl.TrustManagerFactory.getInstance(
                javax.net.ssl.TrustManagerFactory.getDefaultAlgorithm());
        trust.init(roots);
        javax.net.ssl.SSLContext context = javax.net.ssl.SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }
}
