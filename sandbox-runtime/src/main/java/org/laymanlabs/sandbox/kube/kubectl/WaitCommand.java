package org.laymanlabs.sandbox.kube.kubectl;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;
import org.laymanlabs.sandbox.kube.api.ApiResources;
import org.laymanlabs.sandbox.kube.api.ResourceType;
import org.laymanlabs.sandbox.kube.apiserver.ApiException;

/**
 * Mirrors kubectl wait (staging/src/k8s.io/kubectl/pkg/cmd/wait/wait.go): for each object,
 * waits until a status condition has the wanted value ({@code --for=condition=Ready},
 * {@code condition=Ready=false}), a JSONPath gives a value ({@code --for=jsonpath='{.status.phase}'=Running},
 * or any value), or the object is gone ({@code --for=delete}); prints {@code pod/web condition met}
 * for each, in turn, within one {@code --timeout} for all (30 s; 0 checks once). Waiting runs
 * the sandbox's clock, as a command at the prompt waits.
 */
final class WaitCommand implements Subcommand {

    private static final Duration STEP = Duration.ofMillis(100);
    private static final Duration A_WEEK = Duration.ofHours(168);
    /**
     * Waiting runs every timer of the cluster on the way, all within the learner's one line: an
     * hour of virtual time is about a second of the server's CPU, a week would hold it for minutes.
     */
    private static final Duration LONGEST = Duration.ofHours(1);

    @Override
    public String path() {
        return "kubectl wait";
    }

    @Override
    public List<Flag> flags() {
        return List.of(Flag.string("for"), Flag.string("timeout", '\0', "30s"), Flag.string("selector", 'l', ""),
                Flag.bool("all", '\0'), Flag.bool("all-namespaces", 'A'), Flag.string("output", 'o', ""));
    }

    @Override
    public void run(FlagSet.Parsed args, Session session) {
        String wanted = args.string("for");
        Predicate<Optional<HasMetadata>> met = condition(wanted);
        String timeoutText = args.string("timeout");
        Duration timeout = timeoutText.startsWith("-") ? A_WEEK : Durations.parse(timeoutText);
        if (timeout.compareTo(LONGEST) > 0) {
            throw KubectlException.error("the sandbox's kubectl waits at most " + LONGEST.toHours() + "h (a negative --timeout"
                    + " means a week): use --timeout=1h or less");
        }
        boolean forDelete = wanted.toLowerCase(Locale.ROOT).equals("delete");
        if (args.args().isEmpty()) {
            throw KubectlException.verbatim("error: You must provide one or more resources by argument or filename.\n"
                    + "Example resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n"
                    + "   '<resource> <name>'\n   '<resource>'\n");
        }
        Failures failures = new Failures();
        List<HasMetadata> objects = Targets.fetch(args.args(), args, session, forDelete ? new Failures() : failures);
        if (objects.isEmpty() && !forDelete) {
            failures.report();
            throw KubectlException.error("no matching resources found");
        }
        Duration left = timeout;
        for (HasMetadata object : objects) {
            ResourceType type = ApiResources.of(object.getClass());
            String namespace = object.getMetadata().getNamespace() == null ? "" : object.getMetadata().getNamespace();
            String name = object.getMetadata().getName();
            Optional<HasMetadata> now = session.api().get(type, namespace, name);
            if (timeout.isZero() && !met.test(now)) {
                if (now.isEmpty() && !forDelete) {
                    throw ApiException.notFound(type, name);
                }
                throw KubectlException.error("condition not met for " + type.plural() + "/" + name);
            }
            boolean done = met.test(now);
            while (!done && left.compareTo(Duration.ZERO) > 0) {
                if (now.isEmpty()) {
                    throw ApiException.notFound(type, name);
                }
                String seen = now.get().getMetadata().getResourceVersion();
                session.api().clock().advance(STEP);
                left = left.minus(STEP);
                now = session.api().get(type, namespace, name);
                // A watch would say nothing until the object changes: look again only when it has.
                done = now.isEmpty() ? met.test(now) : !seen.equals(now.get().getMetadata().getResourceVersion()) && met.test(now);
            }
            if (!done) {
                throw KubectlException.error("timed out waiting for the condition on " + type.plural() + "/" + name);
            }
            session.out(Output.name(object) + " condition met\n");
        }
        failures.report();
    }

    /** conditionFuncFor: what --for asks of the object as it is now (empty once it is gone). */
    private static Predicate<Optional<HasMetadata>> condition(String wanted) {
        if (wanted.toLowerCase(Locale.ROOT).equals("delete")) {
            return Optional::isEmpty;
        }
        if (wanted.startsWith("condition=")) {
            String name = wanted.substring("condition=".length());
            String value = "true";
            int equals = name.indexOf('=');
            if (equals >= 0) {
                value = name.substring(equals + 1);
                name = name.substring(0, equals);
            }
            String conditionName = name;
            String conditionValue = value;
            return object -> object.map(o -> hasCondition(Output.tree(o), conditionName, conditionValue)).orElse(false);
        }
        if (wanted.startsWith("jsonpath=")) {
            String[] parts = wanted.split("=", -1);
            if (parts.length > 3) {
                throw KubectlException.error("jsonpath wait format must be --for=jsonpath='{.status.readyReplicas}'=3 or"
                        + " --for=jsonpath='{.status.readyReplicas}'");
            }
            if (parts[1].isEmpty()) {
                throw KubectlException.error("jsonpath expression cannot be empty");
            }
            if (parts.length == 3 && parts[2].isEmpty()) {
                throw KubectlException.error("jsonpath wait value cannot be empty");
            }
            JsonPath path;
            try {
                path = JsonPath.parse(parts[1]);
            } catch (IllegalArgumentException e) {
                throw KubectlException.error(e.getMessage());
            }
            Optional<String> value = parts.length == 3 ? Optional.of(parts[2].replaceAll("^['\"]+|['\"]+$", ""))
                    : Optional.empty();
            return object -> object.map(o -> {
                String found = path.execute(Output.tree(o));
                return value.map(found::equals).orElse(!found.isEmpty());
            }).orElse(false);
        }
        throw KubectlException.error("unrecognized condition: \"" + wanted + "\"");
    }

    /** checkCondition: the condition's status, compared without case, once the status has seen the latest generation. */
    private static boolean hasCondition(JsonNode object, String name, String value) {
        long generation = object.path("metadata").path("generation").asLong(0);
        for (JsonNode condition : object.path("status").path("conditions")) {
            if (!condition.path("type").asText().equalsIgnoreCase(name) || !condition.has("status")) {
                continue;
            }
            JsonNode observed = condition.has("observedGeneration") ? condition.get("observedGeneration")
                    : object.path("status").path("observedGeneration");
            if (!observed.isMissingNode() && observed.asLong() < generation) {
                return false;
            }
            return condition.path("status").asText().equalsIgnoreCase(value);
        }
        return false;
    }
}
