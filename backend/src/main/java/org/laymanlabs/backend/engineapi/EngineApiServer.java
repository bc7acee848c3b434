package org.laymanlabs.backend.engineapi;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The Docker Engine API of every sandbox, on a port of its own: {@code DOCKER_HOST=tcp://host:port}
 * plus the learner's token in {@code ~/.docker/config.json} "HttpHeaders" (docs/use-your-own-docker-cli.md).
 * It speaks plain HTTP/1.1 on sockets rather than through a servlet container, because attach and
 * exec take over the connection ({@code 101 UPGRADED}) and a wait must block while another
 * connection starts the container, as docker's own requests do.
 */
public final class EngineApiServer implements AutoCloseable {

    /** Connections served at once; the CLI opens two or three per command, and none is held while idle for long. */
    private static final int MAX_CONNECTIONS = 256;

    private final ServerSocket listener;
    private final ThreadPoolExecutor connections;
    private final Thread acceptor;

    private EngineApiServer(ServerSocket listener, EngineAccess access, DockerDispatcher dispatcher) {
        this.listener = listener;
        AtomicInteger count = new AtomicInteger();
        this.connections = new ThreadPoolExecutor(0, MAX_CONNECTIONS, 30, TimeUnit.SECONDS, new SynchronousQueue<>(), r -> {
            Thread t = new Thread(r, "engine-api-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        Routes routes = Routes.engine();
        this.acceptor = new Thread(() -> accept(access, routes, dispatcher), "engine-api-accept");
        acceptor.setDaemon(true);
    }

    /**
     * Listens on {@code address:port} (port 0 picks a free one) and serves until closed; the
     * sandboxes carry out changing requests with {@code dispatcher}, and reads see its exec instances.
     */
    public static EngineApiServer start(InetAddress address, int port, EngineAccess access, DockerDispatcher dispatcher)
            throws IOException {
        ServerSocket listener = new ServerSocket();
        listener.setReuseAddress(true);
        listener.bind(new InetSocketAddress(address, port));
        EngineApiServer server = new EngineApiServer(listener, access, dispatcher);
        server.acceptor.start();
        return server;
    }

    public int port() {
        return listener.getLocalPort();
    }

    private void accept(EngineAccess access, Routes routes, DockerDispatcher dispatcher) {
        while (!listener.isClosed()) {
            Socket socket;
            try {
                socket = listener.accept();
                socket.setTcpNoDelay(true);
            } catch (IOException e) {
                return;
            }
            try {
                connections.execute(new Connection(socket, access, routes, dispatcher));
            } catch (RejectedExecutionException e) {
                closeQuietly(socket);
            }
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // Refusing an over-limit connection: nothing is left to tell the client.
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
        connections.shutdownNow();
    }
}
