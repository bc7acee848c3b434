package org.laymanlabs.sandbox.container.network;

import java.util.Optional;

/**
 * One published port, as {@code -p} asks for it and the port allocator grants it. Mirrors moby
 * api/types/nat (PortBinding) and docker/cli's opts (ParsePortSpec): {@code 8080:80},
 * {@code 80}, {@code 8080:80/udp}, {@code 127.0.0.1:8080:80}.
 *
 * @param hostPort 0 until the allocator picks one for a {@code -p 80} request
 */
public record PortMapping(String hostIp, int hostPort, int containerPort, String protocol) {

    /** Parses a {@code -p} value, or says why not with the CLI's message. */
    public static PortMapping parse(String spec) {
        String rest = spec;
        String protocol = "tcp";
        int slash = rest.lastIndexOf('/');
        if (slash >= 0) {
            protocol = rest.substring(slash + 1);
            rest = rest.substring(0, slash);
            if (!protocol.equals("tcp") && !protocol.equals("udp") && !protocol.equals("sctp")) {
                throw new IllegalArgumentException("invalid proto: " + protocol);
            }
        }
        String[] parts = rest.split(":", -1);
        String hostIp = parts.length == 3 ? parts[0] : "";
        String host = parts.length >= 2 ? parts[parts.length - 2] : "";
        int container = port(parts[parts.length - 1], "invalid containerPort: " + parts[parts.length - 1]);
        int hostPort = host.isEmpty() ? 0 : port(host, "invalid hostPort: " + host);
        if (parts.length > 3) {
            throw new IllegalArgumentException("invalid port format for --expose: " + spec);
        }
        return new PortMapping(hostIp, hostPort, container, protocol);
    }

    private static int port(String text, String error) {
        try {
            int port = Integer.parseInt(text);
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException(error);
            }
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(error);
        }
    }

    public PortMapping withHostPort(int port) {
        return new PortMapping(hostIp, port, containerPort, protocol);
    }

    /** The address the host side listens on: 0.0.0.0 unless one was given. */
    public String listenAddress() {
        return hostIp.isEmpty() ? "0.0.0.0" : hostIp;
    }

    /** {@code 80/tcp}, the key of Config.ExposedPorts and NetworkSettings.Ports. */
    public String containerKey() {
        return containerPort + "/" + protocol;
    }

    /** Whether it also listens on IPv6 (Docker binds [::] too when no address is given). */
    public Optional<String> ipv6Twin() {
        return hostIp.isEmpty() ? Optional.of("::") : Optional.empty();
    }
}
