package org.laymanlabs.sandbox.kube.api;

import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.ServiceSpec;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** Mirrors pkg/apis/core/validation ValidateService and ValidateServiceUpdate. */
final class ServiceValidation {

    static final List<String> TYPES = List.of("ClusterIP", "ExternalName", "LoadBalancer", "NodePort");

    private ServiceValidation() {
    }

    static List<FieldError> spec(ServiceSpec spec) {
        List<FieldError> errors = new ArrayList<>();
        if (spec == null) {
            return List.of(FieldError.required("spec.ports", ""));
        }
        String type = spec.getType() == null ? "ClusterIP" : spec.getType();
        if (!TYPES.contains(type)) {
            errors.add(FieldError.notSupported("spec.type", type, TYPES));
        }
        List<ServicePort> ports = spec.getPorts() == null ? List.of() : spec.getPorts();
        boolean headless = "None".equals(spec.getClusterIP());
        if (ports.isEmpty() && !headless && !type.equals("ExternalName")) {
            errors.add(FieldError.required("spec.ports", ""));
        }
        Set<String> names = new HashSet<>();
        for (int i = 0; i < ports.size(); i++) {
            errors.addAll(port(ports.get(i), "spec.ports[" + i + "]", ports.size() > 1, names, type));
        }
        return errors;
    }

    private static List<FieldError> port(ServicePort port, String path, boolean named, Set<String> names, String type) {
        List<FieldError> errors = new ArrayList<>();
        String name = port.getName();
        if (named && (name == null || name.isEmpty())) {
            errors.add(FieldError.required(path + ".name", ""));
        } else if (name != null && !name.isEmpty() && !names.add(name)) {
            errors.add(FieldError.duplicate(path + ".name", name));
        }
        int number = port.getPort() == null ? 0 : port.getPort();
        if (number < 1 || number > 65535) {
            errors.add(FieldError.invalid(path + ".port", number, "must be between 1 and 65535, inclusive"));
        }
        if (port.getProtocol() != null && !List.of("TCP", "UDP", "SCTP").contains(port.getProtocol())) {
            errors.add(FieldError.notSupported(path + ".protocol", port.getProtocol(), List.of("SCTP", "TCP", "UDP")));
        }
        if (port.getTargetPort() != null && port.getTargetPort().getIntVal() != null) {
            int target = port.getTargetPort().getIntVal();
            if (target < 1 || target > 65535) {
                errors.add(FieldError.invalid(path + ".targetPort", target, "must be between 1 and 65535, inclusive"));
            }
        }
        Integer nodePort = port.getNodePort();
        if (nodePort != null && nodePort != 0 && type.equals("ClusterIP")) {
            errors.add(FieldError.forbidden(path + ".nodePort", "may not be used when `type` is 'ClusterIP'"));
        }
        return errors;
    }

    static List<FieldError> update(ServiceSpec now, ServiceSpec before) {
        if (before != null && before.getClusterIP() != null && now.getClusterIP() != null
                && !Objects.equals(now.getClusterIP(), before.getClusterIP())) {
            return List.of(FieldError.invalid("spec.clusterIPs[0]", new WorkloadValidation.GoLiteral(
                    "[]string{\"" + now.getClusterIP() + "\"}"), "may not change once set"));
        }
        return List.of();
    }
}
