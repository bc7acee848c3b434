package org.laymanlabs.backend.engineapi;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the Engine API listens. Operators set these as {@code layman.engine-api.*} properties or
 * as environment variables ({@code LAYMAN_ENGINE_API_PORT}…); docs/use-your-own-docker-cli.md.
 *
 * @param enabled whether to serve it at all
 * @param address the address to bind, such as 0.0.0.0 or 127.0.0.1
 * @param port    the port learners put in DOCKER_HOST; 0 picks a free one (tests)
 */
@ConfigurationProperties("layman.engine-api")
public record EngineApiProperties(boolean enabled, String address, int port) {
}
