package org.laymanlabs.backend.kubeapi;

/**
 * The kubeconfig a learner downloads for their sandbox (client-go's clientcmd v1 Config): one
 * cluster whose server URL names the sandbox, one user with the sandbox's token, one context.
 */
public final class Kubeconfig {

    private Kubeconfig() {
    }

    /** {@code baseUrl} is where the Kubernetes API is reached, e.g. https://labs.example.org:6443. */
    public static String forSandbox(String baseUrl, String sandboxId, String token, ServingCertificate certificate) {
        String server = baseUrl.replaceAll("/+$", "") + "/sandboxes/" + sandboxId;
        String authority = java.util.Base64.getEncoder().encodeToString(certificate.pem()
                .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        return """
                apiVersion: v1
                kind: Config
                clusters:
                - name: layman-labs
                  cluster:
                    certificate-authority-data: %s
                    server: %s
                users:
                - name: learner
                  user:
                    token: %s
                contexts:
                - name: layman-labs
                  context:
                    cluster: layman-labs
                    user: learner
                    namespace: default
                current-context: layman-labs
                """.formatted(authority, server, token);
    }
}
