package org.laymanlabs.sandbox.kube.api;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.PodSpec;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Mirrors pkg/apis/core/validation ValidatePodSpec: the mistakes a learner makes in a pod spec. */
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
            if (!names.add(name)) {
                errors.add(FieldError.duplicate(path + ".name", name));
            }
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
        return errors;
    }
}
