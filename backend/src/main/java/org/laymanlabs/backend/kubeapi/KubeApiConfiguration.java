package org.laymanlabs.backend.kubeapi;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.Optional;
import java.util.logging.Logger;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Starts the Kubernetes API with the application when sessions can hand out sandboxes (a
 * {@link KubeAccess} bean exists) and the operator has not turned it off, and stops it with the
 * app. The dispatcher is a bean so that the session service journals and replays its requests.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(KubeApiProperties.class)
public class KubeApiConfiguration {

    @Bean
    KubeDispatcher kubeDispatcher() {
        return new KubeDispatcher();
    }

    @Bean
    KubeApiLifecycle kubeApiLifecycle(KubeApiProperties properties, ObjectProvider<KubeAccess> access,
                                      @Value("${layman.data-dir:.}") String dataDir) {
        return new KubeApiLifecycle(properties, access, Path.of(dataDir));
    }

    /** The server's life as the application context's: started after the beans, closed before them. */
    public static final class KubeApiLifecycle implements SmartLifecycle {

        private static final Logger LOG = Logger.getLogger(KubeApiLifecycle.class.getName());

        private final KubeApiProperties properties;
        private final ObjectProvider<KubeAccess> access;
        private final Path dataDir;
        private KubeApiServer server;
        private ServingCertificate certificate;

        KubeApiLifecycle(KubeApiProperties properties, ObjectProvider<KubeAccess> access, Path dataDir) {
            this.properties = properties;
            this.access = access;
            this.dataDir = dataDir;
        }

        /** The running server, if the API is served. */
        public Optional<KubeApiServer> server() {
            return Optional.ofNullable(server);
        }

        /**
         * The kubeconfig a learner downloads for their sandbox, naming the configured public URL
         * (or this host and port), with the serving certificate to trust and the learner's token.
         */
        public synchronized Optional<String> kubeconfig(String sandboxId, String token) {
            if (server == null || certificate == null) {
                return Optional.empty();
            }
            String url = properties.publicUrl().isEmpty() ? "https://" + properties.hosts().get(0) + ":" + server.port()
                    : properties.publicUrl();
            return Optional.of(Kubeconfig.forSandbox(url, sandboxId, token, certificate));
        }

        @Override
        public synchronized void start() {
            KubeAccess tokens = access.getIfAvailable();
            if (!properties.enabled() || tokens == null) {
                return;
            }
            try {
                if (properties.tls()) {
                    Path store = properties.keyStore().isEmpty() ? dataDir.resolve("kube-api").resolve("serving.p12")
                            : Path.of(properties.keyStore());
                    certificate = ServingCertificate.loadOrCreate(store, properties.keyStorePassword(), properties.hosts());
                }
                server = KubeApiServer.start(InetAddress.getByName(properties.address()), properties.port(), tokens, certificate);
                LOG.info("Kubernetes API listening on " + properties.address() + ":" + server.port());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot serve the Kubernetes API on " + properties.address() + ":"
                        + properties.port(), e);
            }
        }

        @Override
        public synchronized void stop() {
            if (server != null) {
                try {
                    server.close();
                } catch (IOException e) {
                    LOG.warning("closing the Kubernetes API: " + e.getMessage());
                }
                server = null;
            }
        }

        @Override
        public synchronized boolean isRunning() {
            return server != null;
        }
    }
}
