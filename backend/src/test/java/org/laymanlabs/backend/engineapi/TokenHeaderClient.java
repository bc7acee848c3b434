package org.laymanlabs.backend.engineapi;

import com.github.dockerjava.transport.DockerHttpClient;
import java.io.IOException;

/**
 * docker-java's transport with the sandbox's token on every request: what a learner's program
 * adds in place of the CLI's config.json HttpHeaders (docs/use-your-own-docker-cli.md).
 */
final class TokenHeaderClient implements DockerHttpClient {

    private final DockerHttpClient transport;
    private final String token;

    TokenHeaderClient(DockerHttpClient transport, String token) {
        this.transport = transport;
        this.token = token;
    }

    @Override
    public Response execute(Request request) {
        return transport.execute(Request.builder().from(request).putHeader("Authorization", "Bearer " + token).build());
    }

    @Override
    public void close() throws IOException {
        transport.close();
    }
}
