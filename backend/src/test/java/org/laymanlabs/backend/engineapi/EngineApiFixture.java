package org.laymanlabs.backend.engineapi;

import java.io.IOException;
import java.net.InetAddress;

/**
 * A running Engine API with two learners' sandboxes, each with its own token, for the tests that
 * drive it with real clients. Booting a sandbox's cluster takes seconds, so the test classes share
 * one fixture, each naming its own containers; its threads are daemons and end with the JVM.
 */
final class EngineApiFixture implements AutoCloseable {

    private static EngineApiFixture shared;

    static final String TOKEN = "token-for-sandbox-a";
    static final String OTHER_TOKEN = "token-for-sandbox-b";

    final DockerDispatcher dispatcher = new DockerDispatcher();
    final SerialSandbox sandbox = new SerialSandbox("sb-a", 7, dispatcher);
    final SerialSandbox other = new SerialSandbox("sb-b", 8, dispatcher);
    final EngineApiServer server;

    EngineApiFixture() throws IOException {
        InMemoryEngineAccess access = new InMemoryEngineAccess();
        access.issue(TOKEN, sandbox);
        access.issue(OTHER_TOKEN, other);
        server = EngineApiServer.start(InetAddress.getLoopbackAddress(), 0, access, dispatcher);
    }

    static synchronized EngineApiFixture shared() throws IOException {
        if (shared == null) {
            shared = new EngineApiFixture();
        }
        return shared;
    }

    String dockerHost() {
        return "tcp://127.0.0.1:" + server.port();
    }

    @Override
    public void close() throws IOException {
        server.close();
        sandbox.close();
        other.close();
    }
}
