package org.laymanlabs.sandbox.kube.api;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * The API server's validation step (pkg/apis/.../validation): object metadata for every kind,
 * then the checks of each kind, on create and on update.
 */
public final class Validation {

    private Validation() {
    }

    public static List<FieldError> validate(HasMetadata object, HasMetadata old) {
        List<FieldError> errors = new ArrayList<>(metadata(object));
        if (object instanceof Pod pod) {
            errors.addAll(PodValidation.spec(pod.getSpec(), "spec"));
            if (old instanceof Pod before) {
                errors.addAll(podUpdate(pod, before));
            }
        } else if (object instanceof Deployment d && d.getSpec() != null) {
            errors.addAll(WorkloadValidation.spec("deployment", d.getSpec().getReplicas(), d.getSpec().getSelector(),
                    d.getSpec().getTemplate()));
            if (old instanceof Deployment before && before.getSpec() != null) {
                errors.addAll(WorkloadValidation.selectorUnchanged(d.getSpec().getSelector(), before.getSpec().getSelector()));
            }
        } else if (object instanceof ReplicaSet rs && rs.getSpec() != null) {
            errors.addAll(WorkloadValidation.spec("replicaset", rs.getSpec().getReplicas(), rs.getSpec().getSelector(),
                    rs.getSpec().getTemplate()));
        } else if (object instanceof DaemonSet ds && ds.getSpec() != null) {
            errors.addAll(WorkloadValidation.spec("daemonset", null, ds.getSpec().getSelector(), ds.getSpec().getTemplate()));
        } else if (object instanceof io.fabric8.kubernetes.api.model.batch.v1.Job job && job.getSpec() != null) {
            var template = job.getSpec().getTemplate();
            errors.addAll(PodValidation.spec(template == null ? null : template.getSpec(), "spec.template.spec"));
            String restart = template == null || template.getSpec() == null ? null : template.getSpec().getRestartPolicy();
            if (restart == null || restart.equals("Always")) {
                errors.add(restart == null ? FieldError.required("spec.template.spec.restartPolicy", "valid values: \"OnFailure\", \"Never\"")
                        : FieldError.notSupported("spec.template.spec.restartPolicy", restart, List.of("OnFailure", "Never")));
            }
        } else if (object instanceof Service svc) {
            errors.addAll(ServiceValidation.spec(svc.getSpec()));
            if (old instanceof Service before) {
                errors.addAll(ServiceValidation.update(svc.getSpec(), before.getSpec()));
            }
        } else if (object instanceof Deployment || object instanceof ReplicaSet || object instanceof DaemonSet) {
            errors.add(FieldError.required("spec.selector", ""));
        }
        return errors;
    }

    private static List<FieldError> metadata(HasMetadata object) {
        List<FieldError> errors = new ArrayList<>();
        var meta = object.getMetadata();
        String name = meta == null ? null : meta.getName();
        if (name == null || name.isEmpty()) {
            errors.add(FieldError.required("metadata.name", "name or generateName is required"));
        } else {
            nameRule(object).apply(name).forEach(m -> errors.add(FieldError.invalid("metadata.name", name, m)));
        }
        if (meta != null) {
            errors.addAll(NameValidation.labels(meta.getLabels(), "metadata.labels"));
        }
        return errors;
    }

    /** Services and namespaces become DNS labels; most other names are DNS subdomains. */
    private static Function<String, List<String>> nameRule(HasMetadata object) {
        return switch (object.getKind()) {
            case "Service" -> NameValidation::dns1035Label;
            case "Namespace" -> NameValidation::dns1123Label;
            default -> NameValidation::dns1123Subdomain;
        };
    }

    /** ValidatePodUpdate: a pod's spec is immutable but for its images and a few other fields. */
    private static List<FieldError> podUpdate(Pod pod, Pod before) {
        if (pod.getSpec() == null || before.getSpec() == null) {
            return List.of();
        }
        var now = Codec.shared().copy(pod.getSpec());
        var was = before.getSpec();
        for (int i = 0; i < Math.min(now.getContainers().size(), was.getContainers().size()); i++) {
            now.getContainers().get(i).setImage(was.getContainers().get(i).getImage());
        }
        now.setActiveDeadlineSeconds(was.getActiveDeadlineSeconds());
        now.setTolerations(was.getTolerations());
        if (was.getNodeName() != null) {
            now.setNodeName(was.getNodeName());
        }
        if (!Objects.equals(now, was)) {
            return List.of(FieldError.forbidden("spec", "pod updates may not change fields other than "
                    + "`spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,"
                    + "`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` "
                    + "(allow it to be set to 1 if it was previously negative)"));
        }
        return List.of();
    }
}
