package org.laymanlabs.sandbox.kube.kubelet.prober;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.IntOrString;
import java.util.List;
import java.util.Optional;

/**
 * Mirrors kubernetes pkg/probe/util.go ResolveContainerPort: a probe's port by number, or by the
 * name of one of the container's ports. A name the container does not declare falls through to
 * Go's strconv.Atoi, whose error is what the learner reads in the "errored" event.
 */
final class ContainerPorts {

    /** The port, or Go's error text when it could not be resolved. */
    record Resolved(int port, Optional<String> error) {
    }

    private ContainerPorts() {
    }

    static Resolved resolve(IntOrString param, Container container) {
        long port;
        if (param == null || param.getStrVal() == null) {
            port = param == null || param.getIntVal() == null ? 0 : param.getIntVal();
        } else {
            Optional<Integer> named = byName(container, param.getStrVal());
            if (named.isPresent()) {
                port = named.get();
            } else {
                // Last ditch effort - maybe it was an int stored as string?
                String text = param.getStrVal();
                if (!text.matches("[+-]?[0-9]+")) {
                    return failed("strconv.Atoi: parsing " + quote(text) + ": invalid syntax");
                }
                try {
                    port = Long.parseLong(text);
                } catch (NumberFormatException outOfRange) {
                    return failed("strconv.Atoi: parsing " + quote(text) + ": value out of range");
                }
            }
        }
        if (port > 0 && port < 65536) {
            return new Resolved((int) port, Optional.empty());
        }
        return failed("invalid port number: " + port);
    }

    private static Optional<Integer> byName(Container container, String name) {
        List<ContainerPort> ports = container.getPorts() == null ? List.of() : container.getPorts();
        return ports.stream().filter(p -> name.equals(p.getName())).findFirst()
                .map(p -> p.getContainerPort() == null ? 0 : p.getContainerPort());
    }

    private static Resolved failed(String goError) {
        return new Resolved(-1, Optional.of(goError));
    }

    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
