package org.laymanlabs.backend.engineapi;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.util.Optional;
import java.util.logging.Logger;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Starts the Engine API with the application when sessions can hand out sandboxes (an
 * {@link EngineAccess} bean exists) and the operator has not turned it off, and stops it with the app.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EngineApiProperties.class)
public class EngineApiConfiguration {

    @Bean
    EngineApiLifecycle engineApiLifecycle(EngineApiProperties properties, ObjectProvider<EngineAccess> access,
                                          DockerDispatcher dispatcher) {
        return new EngineApiLifecycle(properties, access, dispatcher);
    }

    /** The server's life as the application context's: started after the beans, closed before them. */
    public static final class EngineApiLifecycle implements SmartLifecycle {

        private static final Logger LOG = Logger.getLogger(EngineApiLifecycle.class.getName());

        private final EngineApiProperties properties;
        private final ObjectProvider<EngineAccess> access;
        private final DockerDispatcher dispatcher;
        private EngineApiServer server;

        EngineApiLifecycle(EngineApiProperties properties, ObjectProvider<EngineAccess> access, DockerDispatcher dispatcher) {
            this.properties = properties;
            this.access = access;
            this.dispatcher = dispatcher;
        }

        /** The running server, if the API is served. */
        public Optional<EngineApiServer> server() {
            return Optional.ofNullable(server);
        }

        @Override
        public synchronized void start() {
            EngineAccess tokens = access.getIfAvailable();
            if (!properties.enabled() || tokens == null) {
                return;
            }
            try {
                server = EngineApiServer.start(InetAddress.getByName(properties.address()), properties.port(), tokens,
                        dispatcher);
                LOG.info("Docker Engine API listening on " + properties.address() + ":" + server.port());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot serve the Engine API on " + properties.address() + ":"
                        + properties.port(), e);
            }
        }

        @Override
        public synchronized void stop() {
            if (server != null) {
                try {
                    server.close();
                } catch (IOException e) {
                    LOG.warning("closing the Engine API: " + e.getMessage());
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
