package org.laymanlabs.backend.grading;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cel.runtime.CelEvaluationException;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.List;
import java.util.Optional;
import org.laymanlabs.sandbox.Sandbox;
import org.laymanlabs.sandbox.kube.api.Codec;
import org.laymanlabs.sandbox.kube.api.ResourceType;

/**
 * Object state: a CEL expression over the cluster's objects of one resource, as the API server
 * serves them (DESIGN.md "Labs": "deployment web has 3 ready replicas").
 *
 * @param object  the name of the one object bound to {@code object}; empty binds null, for
 *                expressions over {@code objects}
 * @param found   an optional CEL expression whose value tells the learner what is there now
 * @param expect  what the learner should bring about, in words ("3 ready replicas of deployment web")
 */
public record ObjectCheck(String name, ResourceType resource, String namespace, Optional<String> object,
                          ObjectExpression expression, Optional<ObjectExpression> found, String expect)
        implements Check {

    @Override
    public CheckResult evaluate(Sandbox sandbox) {
        if (!sandbox.hasCluster()) {
            return CheckResult.fail(name, expect, "no Kubernetes cluster in this lab's sandbox");
        }
        List<HasMetadata> all = sandbox.cluster().api().list(resource, resource.namespaced() ? namespace : "");
        Codec codec = Codec.shared();
        List<JsonNode> objects = all.stream().map(codec::toTree).toList();
        JsonNode target = null;
        if (object.isPresent()) {
            Optional<HasMetadata> named = all.stream().filter(o -> o.getMetadata().getName().equals(object.get())).findFirst();
            if (named.isEmpty()) {
                return CheckResult.fail(name, expect, "no " + resource.singular() + " named " + object.get()
                        + (resource.namespaced() ? " in namespace " + namespace : ""));
            }
            target = codec.toTree(named.get());
        }
        Object result;
        try {
            result = expression.evaluate(target, objects);
        } catch (CelEvaluationException e) {
            return CheckResult.fail(name, expect, describe(target, objects) + " (" + e.getMessage() + ")");
        }
        if (Boolean.TRUE.equals(result)) {
            return CheckResult.pass(name, found.isPresent() ? "Found " + describe(target, objects) + ", as expected."
                    : "Found " + expect + ", as expected.");
        }
        return CheckResult.fail(name, expect, describe(target, objects));
    }

    private String describe(JsonNode target, List<JsonNode> objects) {
        if (found.isPresent()) {
            try {
                return String.valueOf(found.get().evaluate(target, objects));
            } catch (CelEvaluationException e) {
                return "nothing to show yet (" + e.getMessage() + ")";
            }
        }
        if (target != null) {
            return resource.singular() + " " + object.orElseThrow() + ", for which " + expression.source() + " is not true";
        }
        return objects.size() + " " + (objects.size() == 1 ? resource.singular() : resource.plural())
                + (resource.namespaced() ? " in namespace " + namespace : "") + ", for which " + expression.source()
                + " is not true";
    }
}
