package org.laymanlabs.backend.kubeapi;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where and how the Kubernetes API listens. Operators set these as {@code layman.kube-api.*}
 * properties or as environment variables ({@code LAYMAN_KUBE_API_PORT}…); docs/use-your-own-kubectl.md.
 *
 * @param enabled          whether to serve it at all
 * @param address          the address to bind, such as 0.0.0.0 or 127.0.0.1
 * @param port             the port in the learners' kubeconfig; 0 picks a free one (tests)
 * @param publicUrl        the server URL learners reach it at (https://host:port), for their kubeconfig
 * @param tls              whether to serve TLS; kubectl sends its token only over https
 * @param keyStore         the PKCS#12 key store of the serving certificate; empty: kube-api/serving.p12 in the data dir
 * @param keyStorePassword the key store's password
 * @param hosts            the names and addresses the made certificate is valid for
 */
@ConfigurationProperties("layman.kube-api")
public record KubeApiProperties(@DefaultValue("true") boolean enabled, @DefaultValue("0.0.0.0") String address,
                                @DefaultValue("6443") int port, @DefaultValue("") String publicUrl,
                                @DefaultValue("true") boolean tls, @DefaultValue("") String keyStore,
                                @DefaultValue("layman-labs") String keyStorePassword,
                                @DefaultValue({"localhost", "127.0.0.1"}) List<String> hosts) {
}
