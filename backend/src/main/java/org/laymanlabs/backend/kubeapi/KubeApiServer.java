package org.laymanlabs.backend.kubeapi;

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
 * The Kubernetes API of every sandbox, on a port of its own, for the real kubectl and fabric8
 * (docs/use-your-own-kubectl.md). Plain HTTP/1.1 on sockets rather than through a servlet
 * container, because watches and log follows hold their connection for long and exec takes it
 * over as a WebSocket, as kube-apiserver's own handlers do.
 */
public final class KubeApiServer implements AutoCloseable {

    /** Connections served at once: kubectl opens one or two per command, a watch holds one. */
    private static final int MAX_CONNECTIONS = 256;

    private final ServerSocket listener;
    private final ThreadPoolExecutor connections;
    private final Thread acceptor;

    private KubeApiServer(ServerSocket listener, KubeAccess access) {
        this.listener = listener;
        AtomicInteger count = new AtomicInteger();
        this.connections = new ThreadPoolExecutor(0, MAX_CONNECTIONS, 30, TimeUnit.SECONDS, new SynchronousQueue<>(), r -> {
            Thread t = new Thread(r, "kube-api-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.acceptor = KubeCall.daemon("kube-api-accept", () -> accept(access));
    }

    /**
     * Listens on {@code address:port} (port 0 picks a free one) and serves until closed, over TLS
     * with {@code certificate}, or plain HTTP without one (only clients that send a token over
     * plain HTTP, such as fabric8 or curl, can use that: kubectl sends none).
     */
    public static KubeApiServer start(InetAddress address, int port, KubeAccess access, ServingCertificate certificate)
            throws IOException {
        ServerSocket listener = certificate == null ? new ServerSocket()
                : certificate.context().getServerSocketFactory().createServerSocket();
        listener.setReuseAddress(true);
        listener.bind(new InetSocketAddress(address, port));
        KubeApiServer server = new KubeApiServer(listener, access);
        server.acceptor.start();
        return server;
    }

    public int port() {
        return listener.getLocalPort();
    }

    private void accept(KubeAccess access) {
        while (!listener.isClosed()) {
            Socket socket;
            try {
                socket = listener.accept();
                socket.setTcpNoDelay(true);
            } catch (IOException e) {
                return;
            }
            try {
                connections.execute(new KubeConnection(socket, access));
            } catch (RejectedExecutionException e) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // Refusing an over-limit connection: nothing is left to tell the client.
                }
            }
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
        connections.shutdownNow();
    }
}
