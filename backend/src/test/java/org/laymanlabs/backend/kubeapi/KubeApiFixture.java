package org.laymanlabs.backend.kubeapi;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A running Kubernetes API with two learners' sandboxes, each with its own token, for the tests
 * that drive it with real clients. The test classes share one fixture, each naming its own
 * objects; its threads are daemons and end with the JVM.
 */
final class KubeApiFixture {

    private static KubeApiFixture shared;

    static final String TOKEN = "kube-token-for-sandbox-a";
    static final String OTHER_TOKEN = "kube-token-for-sandbox-b";

    final SerialKubeSandbox sandbox = new SerialKubeSandbox("sb-a", 7);
    final SerialKubeSandbox other = new SerialKubeSandbox("sb-b", 8);
    final ServingCertificate certificate;
    final KubeApiServer server;

    private KubeApiFixture() throws IOException {
        InMemoryKubeAccess access = new InMemoryKubeAccess();
        access.issue(TOKEN, sandbox);
        access.issue(OTHER_TOKEN, other);
        Path store = Files.createTempDirectory("kube-api").resolve("serving.p12");
        certificate = ServingCertificate.loadOrCreate(store, "test-password", List.of("127.0.0.1", "localhost"));
        server = KubeApiServer.start(InetAddress.getLoopbackAddress(), 0, access, certificate);
    }

    static synchronized KubeApiFixture shared() throws IOException {
        if (shared == null) {
            shared = new KubeApiFixture();
        }
        return shared;
    }

    String baseUrl() {
        return "https://127.0.0.1:" + server.port();
    }

    /** A TLS context that trusts the server's certificate, as the kubeconfig's certificate-authority-data makes kubectl do. */
    javax.net.ssl.SSLContext trusting() throws java.security.GeneralSecurityException, IOException {
        java.security.KeyStore roots = java.security.KeyStore.getInstance("PKCS12");
        roots.load(null, null);
        roots.setCertificateEntry("kube-api", java.security.cert.CertificateFactory.getInstance("X.509")
                .generateCertificate(new java.io.ByteArrayInputStream(certificate.pem().getBytes(java.nio.charset.StandardCharsets.US_ASCII))));
        javax.net.ssl.TrustManagerFactory trust = javax.net.ssl.TrustManagerFactory.getInstance(
                javax.net.ssl.TrustManagerFactory.getDefaultAlgorithm());
        trust.init(roots);
        javax.net.ssl.SSLContext context = javax.net.ssl.SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }

    /** The kubeconfig a learner of sandbox a downloads. */
    String kubeconfig() {
        return Kubeconfig.forSandbox(baseUrl(), sandbox.id(), TOKEN, certificate);
    }
}
