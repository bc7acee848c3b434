package org.laymanlabs.sandbox.kube.proxy;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.laymanlabs.sandbox.net.Ipv4Address;
import org.laymanlabs.sandbox.net.NetworkNamespace;
import org.laymanlabs.sandbox.net.Protocol;
import org.laymanlabs.sandbox.net.http.HttpResponse;
import org.laymanlabs.sandbox.net.socket.Listener;
import org.laymanlabs.sandbox.net.socket.SocketTable;
import org.laymanlabs.sandbox.time.VirtualClock;

/**
 * Mirrors pkg/proxy/healthcheck/service_health.go: for every Service with externalTrafficPolicy
 * Local, kube-proxy listens on its healthCheckNodePort on the node and answers any request with
 * the number of the Service's endpoints on this node: 200 when there is one, 503 when there is
 * none. Cloud load balancers poll it to send traffic only to nodes that will not drop it.
 */
final class ServiceHealthServer {

    private static final DateTimeFormatter HTTP_DATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);

    private final SocketTable sockets;
    private final VirtualClock clock;
    private final Map<Integer, Listener> listeners = new HashMap<>();
    private final Map<Integer, Integer> localEndpoints = new HashMap<>();

    ServiceHealthServer(NetworkNamespace node, VirtualClock clock) {
        this.sockets = node.sockets();
        this.clock = clock;
    }

    /** SyncServices and SyncEndpoints: listen on the ports of these service ports, close the others. */
    void sync(List<ServicePort> ports) {
        Map<Integer, ServicePort> wanted = new HashMap<>();
        for (ServicePort port : ports) {
            if (port.externalPolicyLocal() && port.external().healthCheckNodePort() != 0) {
                wanted.putIfAbsent(port.external().healthCheckNodePort(), port);
            }
        }
        listeners.entrySet().removeIf(entry -> {
            if (!wanted.containsKey(entry.getKey())) {
                sockets.close(entry.getValue());
                return true;
            }
            return false;
        });
        localEndpoints.clear();
        wanted.forEach((hcPort, port) -> {
            localEndpoints.put(hcPort, port.localEndpoints().size());
            if (!listeners.containsKey(hcPort)) {
                listen(hcPort, port.name());
            }
        });
    }

    void stop() {
        listeners.values().forEach(sockets::close);
        listeners.clear();
    }

    /** A port something else on the node holds is skipped, as kube-proxy logs the bind error and goes on. */
    private void listen(int port, ServicePortName name) {
        Listener listener = new Listener(Protocol.TCP, Ipv4Address.ANY, port, "kube-proxy",
                (request, peer) -> answer(name, localEndpoints.getOrDefault(port, 0)));
        try {
            sockets.listen(listener);
            listeners.put(port, listener);
        } catch (SocketTable.AddressInUseException e) {
            // Tried again at the next sync, as the real server is re-synced with the service list.
        }
    }

    private String answer(ServicePortName name, int count) {
        String body = "{\n\t\"service\": {\n\t\t\"namespace\": \"" + name.namespace() + "\",\n\t\t\"name\": \"" + name.name()
                + "\"\n\t},\n\t\"localEndpoints\": " + count + ",\n\t\"serviceProxyHealthy\": true\n}";
        return HttpResponse.of(count > 0 ? 200 : 503, count > 0 ? "OK" : "Service Unavailable", List.of(
                new HttpResponse.Header("Content-Type", "application/json"),
                new HttpResponse.Header("X-Content-Type-Options", "nosniff"),
                new HttpResponse.Header("X-Load-Balancing-Endpoint-Weight", String.valueOf(count)),
                new HttpResponse.Header("Date", HTTP_DATE.format(clock.now()))), body).toWire();
    }
}
