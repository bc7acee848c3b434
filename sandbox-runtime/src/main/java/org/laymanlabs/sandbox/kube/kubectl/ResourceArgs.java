package org.laymanlabs.sandbox.kube.kubectl;

import java.util.ArrayList;
import java.util.List;
import org.laymanlabs.sandbox.kube.api.ApiResources;
import org.laymanlabs.sandbox.kube.api.ResourceType;

/**
 * Mirrors cli-runtime's resource.Builder.ResourceTypeOrNameArgs: {@code pods}, {@code pods web db},
 * {@code deploy,svc}, {@code pod/web svc/web} and the {@code all} category, resolved through
 * discovery's names ({@code po}, {@code deployments.apps}).
 */
final class ResourceArgs {

    /** What kubectl's "all" category expands to on a 1.32 API server (kinds this sandbox serves). */
    static final List<ResourceType> ALL = List.of(ApiResources.PODS, ApiResources.SERVICES, ApiResources.DAEMON_SETS,
            ApiResources.DEPLOYMENTS, ApiResources.REPLICA_SETS, ApiResources.JOBS);

    /** One requested type, and one name of it or every object ({@code name} null). */
    record Target(ResourceType type, String name) {
    }

    private ResourceArgs() {
    }

    static ResourceType type(String typed) {
        return ApiResources.find(typed)
                .orElseThrow(() -> KubectlException.error("the server doesn't have a resource type \"" + typed + "\""));
    }

    static List<Target> resolve(List<String> args) {
        if (args.isEmpty()) {
            // cli-runtime's resource.Builder: a selector alone names no kind (rollout history -l app=web).
            throw KubectlException.error("at least one resource must be specified to use a selector");
        }
        List<Target> targets = new ArrayList<>();
        if (args.stream().anyMatch(a -> a.contains("/"))) {
            for (String arg : args) {
                if (!arg.contains("/")) {
                    throw KubectlException.error("there is no need to specify a resource type as a separate argument when "
                            + "passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of "
                            + "'kubectl get resource resource/<resource_name>'");
                }
                int slash = arg.indexOf('/');
                String name = arg.substring(slash + 1);
                if (name.isEmpty()) {
                    throw KubectlException.error("arguments in resource/name form must have a single resource and name");
                }
                targets.add(new Target(type(arg.substring(0, slash)), name));
            }
            return targets;
        }
        List<ResourceType> types = new ArrayList<>();
        for (String typed : args.get(0).split(",")) {
            if (typed.equals("all")) {
                ALL.stream().filter(t -> !types.contains(t)).forEach(types::add);
            } else {
                ResourceType type = type(typed);
                if (!types.contains(type)) {
                    types.add(type);
                }
            }
        }
        List<String> names = args.subList(1, args.size());
        for (ResourceType type : types) {
            if (names.isEmpty()) {
                targets.add(new Target(type, null));
            } else {
                names.forEach(n -> targets.add(new Target(type, n)));
            }
        }
        return targets;
    }
}
