package org.laymanlabs.sandbox.kube.api;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.HTTPGetAction;
import io.fabric8.kubernetes.api.model.HTTPHeader;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Mirrors pkg/apis/core/validation ValidatePodSpec: the mistakes a learner makes in a pod spec,
 * down to its containers' ports and probes (validateProbe, validateHandler, ValidatePortNumOrName).
 */
final class PodValidation {

    private PodValidation() {
    }

    static List<FieldError> spec(PodSpec spec, String path) {
        List<FieldError> errors = new ArrayList<>();
        if (spec == null) {
            errors.add(FieldError.required(path + ".containers", ""));
            return errors;
        }
        if (spec.getContainers() == null || spec.getContainers().isEmpty()) {
            errors.add(FieldError.required(path + ".containers", ""));
        } else {
            Set<String> names = new HashSet<>();
            for (int i = 0; i < spec.getContainers().size(); i++) {
                errors.addAll(container(spec.getContainers().get(i), path + ".containers[" + i + "]", names));
            }
        }
        String restart = spec.getRestartPolicy();
        if (restart != null && !List.of("Always", "OnFailure", "Never").contains(restart)) {
            errors.add(FieldError.notSupported(path + ".restartPolicy", restart, List.of("Always", "Never", "OnFailure")));
        }
        return errors;
    }

    private static List<FieldError> container(Container container, String path, Set<String> names) {
        List<FieldError> errors = new ArrayList<>();
        String name = container.getName();
        if (name == null || name.isEmpty()) {
            errors.add(FieldError.required(path + ".name", ""));
        } else {
            NameValidation.dns1123Label(name).forEach(m -> errors.add(FieldError.invalid(path + ".name", name, m)));
        }
        if (container.getImage() == null || container.getImage().isBlank()) {
            errors.add(FieldError.required(path + ".image", ""));
        }
        List<ContainerPort> ports = container.getPorts() == null ? List.of() : container.getPorts();
        for (int i = 0; i < ports.size(); i++) {
            ContainerPort port = ports.get(i);
            String at = path + ".ports[" + i + "]";
            Integer number = port.getContainerPort();
            if (number == null || number < 1 || number > 65535) {
                errors.add(FieldError.invalid(at + ".containerPort", number == null ? 0 : number,
                        "must be between 1 and 65535, inclusive"));
            }
            String protocol = port.getProtocol();
            if (protocol != null && !List.of("TCP", "UDP", "SCTP").contains(protocol)) {
                errors.add(FieldError.notSupported(at + ".protocol", protocol, List.of("SCTP", "TCP", "UDP")));
            }
        }
        if (name != null && !name.isEmpty() && !names.add(name)) {
            errors.add(FieldError.duplicate(path + ".name", name));
        }
        errors.addAll(probe(container.getLivenessProbe(), path + ".livenessProbe"));
        mustBeOne(container.getLivenessProbe(), path + ".livenessProbe", errors);
        errors.addAll(probe(container.getReadinessProbe(), path + ".readinessProbe"));
        if (container.getReadinessProbe() != null && container.getReadinessProbe().getTerminationGracePeriodSeconds() != null) {
            errors.add(FieldError.invalid(path + ".readinessProbe.terminationGracePeriodSeconds",
                    container.getReadinessProbe().getTerminationGracePeriodSeconds(), "must not be set for readinessProbes"));
        }
        errors.addAll(probe(container.getStartupProbe(), path + ".startupProbe"));
        mustBeOne(container.getStartupProbe(), path + ".startupProbe", errors);
        return errors;
    }

    /** validateProbe: one handler, and no negative numbers (zero means the default, as SetDefaults_Probe fills it in first). */
    private static List<FieldError> probe(Probe probe, String path) {
        List<FieldError> errors = new ArrayList<>();
        if (probe == null) {
            return errors;
        }
        errors.addAll(handler(probe, path));
        nonNegative(probe.getInitialDelaySeconds(), path + ".initialDelaySeconds", errors);
        nonNegative(probe.getTimeoutSeconds(), path + ".timeoutSeconds", errors);
        nonNegative(probe.getPeriodSeconds(), path + ".periodSeconds", errors);
        nonNegative(probe.getSuccessThreshold(), path + ".successThreshold", errors);
        nonNegative(probe.getFailureThreshold(), path + ".failureThreshold", errors);
        Long grace = probe.getTerminationGracePeriodSeconds();
        if (grace != null && grace <= 0) {
            errors.add(FieldError.invalid(path + ".terminationGracePeriodSeconds", grace, "must be greater than 0"));
        }
        return errors;
    }

    /** validateHandler: the first handler set is validated, each further one is forbidden. */
    private static List<FieldError> handler(Probe probe, String path) {
        List<FieldError> errors = new ArrayList<>();
        int handlers = 0;
        if (probe.getExec() != null) {
            handlers++;
            if (probe.getExec().getCommand() == null || probe.getExec().getCommand().isEmpty()) {
                errors.add(FieldError.required(path + ".exec.command", ""));
            }
        }
        if (probe.getHttpGet() != null && handlers++ == 0) {
            HTTPGetAction get = probe.getHttpGet();
            errors.addAll(portNumOrName(get.getPort(), path + ".httpGet.port"));
            String scheme = get.getScheme() == null || get.getScheme().isEmpty() ? "HTTP" : get.getScheme();
            if (!List.of("HTTP", "HTTPS").contains(scheme)) {
                errors.add(FieldError.notSupported(path + ".httpGet.scheme", scheme, List.of("HTTP", "HTTPS")));
            }
            for (HTTPHeader header : get.getHttpHeaders() == null ? List.<HTTPHeader>of() : get.getHttpHeaders()) {
                String headerName = header.getName() == null ? "" : header.getName();
                if (!headerName.matches("[-A-Za-z0-9]+")) {
                    errors.add(FieldError.invalid(path + ".httpGet.httpHeaders", headerName, "a valid HTTP header must consist of "
                            + "alphanumeric characters or '-' (e.g. 'X-Header-Name', regex used for validation is '[-A-Za-z0-9]+')"));
                }
            }
        } else if (probe.getHttpGet() != null) {
            errors.add(FieldError.forbidden(path + ".httpGet", "may not specify more than 1 handler type"));
        }
        if (probe.getTcpSocket() != null && handlers++ == 0) {
            errors.addAll(portNumOrName(probe.getTcpSocket().getPort(), path + ".tcpSocket.port"));
        } else if (probe.getTcpSocket() != null) {
            errors.add(FieldError.forbidden(path + ".tcpSocket", "may not specify more than 1 handler type"));
        }
        if (probe.getGrpc() != null && handlers++ == 0) {
            errors.addAll(portNumOrName(new IntOrString(probe.getGrpc().getPort() == null ? 0 : probe.getGrpc().getPort()),
                    path + ".grpc.port"));
        } else if (probe.getGrpc() != null) {
            errors.add(FieldError.forbidden(path + ".grpc", "may not specify more than 1 handler type"));
        }
        if (handlers == 0) {
            errors.add(FieldError.required(path, "must specify a handler type"));
        }
        return errors;
    }

    /** ValidatePortNumOrName: a number in range, or an IANA service name. */
    private static List<FieldError> portNumOrName(IntOrString port, String path) {
        List<FieldError> errors = new ArrayList<>();
        if (port == null || port.getStrVal() == null) {
            int number = port == null || port.getIntVal() == null ? 0 : port.getIntVal();
            if (number < 1 || number > 65535) {
                errors.add(FieldError.invalid(path, number, "must be between 1 and 65535, inclusive"));
            }
            return errors;
        }
        String name = port.getStrVal();
        if (name.length() > 15) {
            errors.add(FieldError.invalid(path, name, "must be no more than 15 characters"));
        }
        if (!name.matches("[-a-z0-9]+")) {
            errors.add(FieldError.invalid(path, name, "must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)"));
        }
        if (!name.matches(".*[a-z].*")) {
            errors.add(FieldError.invalid(path, name, "must contain at least one letter (a-z)"));
        }
        if (name.contains("--")) {
            errors.add(FieldError.invalid(path, name, "must not contain consecutive hyphens"));
        }
        if (name.startsWith("-") || name.endsWith("-")) {
            errors.add(FieldError.invalid(path, name, "must not begin or end with a hyphen"));
        }
        return errors;
    }

    private static void nonNegative(Integer value, String path, List<FieldError> errors) {
        if (value != null && value < 0) {
            errors.add(FieldError.invalid(path, value, "must be greater than or equal to 0"));
        }
    }

    /** Liveness and startup probes decide on one result: their successThreshold (1 when left out) must be 1. */
    private static void mustBeOne(Probe probe, String path, List<FieldError> errors) {
        if (probe != null && probe.getSuccessThreshold() != null && probe.getSuccessThreshold() != 0 && probe.getSuccessThreshold() != 1) {
            errors.add(FieldError.invalid(path + ".successThreshold", probe.getSuccessThreshold(), "must be 1"));
        }
    }
}
