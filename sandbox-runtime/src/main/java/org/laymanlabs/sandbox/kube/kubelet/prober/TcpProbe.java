package org.laymanlabs.sandbox.kube.kubelet.prober;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.TCPSocketAction;
import java.time.Duration;
import java.util.Optional;

/**
 * Mirrors kubernetes pkg/probe/tcp/tcp.go DoTCPProbe: a connection that opens is a success; a
 * refused or timed-out dial is a failure whose output is Go's dial error.
 */
final class TcpProbe {

    private TcpProbe() {
    }

    static ProbeOutcome probe(ProbeTarget target, TCPSocketAction action, Container container, String podIp, Duration timeout) {
        ContainerPorts.Resolved port = ContainerPorts.resolve(action.getPort(), container);
        if (port.error().isPresent()) {
            return ProbeOutcome.error(port.error().get());
        }
        String host = action.getHost() == null || action.getHost().isEmpty() ? (podIp == null ? "" : podIp) : action.getHost();
        Optional<String> dialError = target.tcpConnect(host, port.port(), timeout);
        if (dialError.isEmpty()) {
            return ProbeOutcome.success("");
        }
        // Convert errors to failures to handle timeouts.
        return ProbeOutcome.failure(dialError.get()).took(HttpProbe.timedOut(dialError.get()) ? timeout : Duration.ZERO);
    }
}
