package org.laymanlabs.sandbox.docker;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.laymanlabs.sandbox.container.Container;
import org.laymanlabs.sandbox.container.ContainerEngine;
import org.laymanlabs.sandbox.container.ContainerStatus;
import org.laymanlabs.sandbox.container.network.PortMapping;
import org.laymanlabs.sandbox.image.DaemonException;
import org.laymanlabs.sandbox.image.Digest;
import org.laymanlabs.sandbox.image.Image;

/**
 * {@code docker ps --filter}: the daemon's filters over its containers. Mirrors moby
 * daemon/list.go (foldFilter, includeContainerInList) and api/types/filters: values of one key
 * are alternatives, different keys must all hold; {@code name} and {@code id} are regular
 * expressions, {@code label} is {@code key} or {@code key=value}, {@code status} also shows
 * stopped containers, {@code ancestor} matches an image and the images built from it. An
 * unknown key or a bad value is the daemon's error.
 */
public final class ContainerFilters {

    private static final Set<String> ACCEPTED = Set.of("ancestor", "before", "exited", "id", "isolation", "label",
            "name", "status", "health", "since", "volume", "network", "is-task", "publish", "expose");
    private static final Set<String> STATES = Set.of("paused", "restarting", "running", "dead", "created", "exited",
            "removing");

    private final Map<String, List<String>> values;
    private final ContainerEngine engine;

    private ContainerFilters(Map<String, List<String>> values, ContainerEngine engine) {
        this.values = values;
        this.engine = engine;
    }

    /**
     * Parses {@code key=value} terms, already checked for the {@code =} by the CLI; the Engine
     * API's {@code filters} JSON arrives as the same terms.
     */
    public static ContainerFilters parse(List<String> terms, ContainerEngine engine) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        for (String term : terms) {
            int eq = term.indexOf('=');
            values.computeIfAbsent(term.substring(0, eq).strip().toLowerCase(), k -> new ArrayList<>())
                    .add(term.substring(eq + 1).strip());
        }
        for (String key : values.keySet()) {
            if (!ACCEPTED.contains(key)) {
                throw invalid("invalid filter '" + key + "'");
            }
        }
        ContainerFilters filters = new ContainerFilters(values, engine);
        filters.validate();
        return filters;
    }

    /** Whether a status filter asks for stopped containers too, as {@code -a} does (exited= does not). */
    public boolean showsAll() {
        return values.containsKey("status");
    }

    private void validate() {
        for (String status : get("status")) {
            if (!STATES.contains(status)) {
                throw invalid("invalid filter 'status=" + status + "'");
            }
        }
        for (String code : get("exited")) {
            if (!code.matches("[+-]?[0-9]+")) {
                throw invalid("strconv.Atoi: parsing \"" + code + "\": invalid syntax");
            }
        }
        for (String key : List.of("name", "id")) {
            for (String expression : get(key)) {
                try {
                    Pattern.compile(expression);
                } catch (PatternSyntaxException e) {
                    throw invalid("error parsing regexp: " + e.getDescription() + ": `" + expression + "`");
                }
            }
        }
        for (String key : List.of("publish", "expose")) {
            get(key).forEach(value -> ports(key, value));
        }
        for (String key : List.of("before", "since")) {
            get(key).forEach(engine.containers()::get);
        }
        for (String health : get("health")) {
            if (!Set.of("starting", "healthy", "unhealthy", "none").contains(health)) {
                throw invalid("Unrecognised filter value for health: " + health);
            }
        }
        for (String key : List.of("volume", "isolation")) {
            if (values.containsKey(key)) {
                // Say so rather than ignore it: a filter that silently matches everything teaches wrong things.
                throw invalid("the sandbox's daemon cannot filter on '" + key + "' yet");
            }
        }
    }

    /** Position in creation order (moby's before/since compare it): 0 is the oldest container. */
    private int age(Container c) {
        List<Container> newestFirst = engine.containers().all();
        return newestFirst.size() - 1 - newestFirst.indexOf(c);
    }

    public Predicate<Container> predicate() {
        return c -> any("name", v -> Pattern.compile(v).matcher(c.name()).find()
                        || Pattern.compile(v).matcher("/" + c.name()).find())
                && any("id", v -> Pattern.compile(v).matcher(c.id()).find())
                && all("label", v -> hasLabel(c, v))
                && any("status", v -> v.equals(c.state().status().text()))
                && any("exited", v -> c.state().status() == ContainerStatus.EXITED
                        && Integer.parseInt(v.replace("+", "")) == c.state().exitCode())
                && any("ancestor", v -> descendsFrom(c.image(), v))
                && any("network", v -> onNetwork(c, v))
                && any("publish", v -> c.publishedPorts().stream().anyMatch(p -> ports("publish", v).contains(key(p))))
                && any("expose", v -> exposes(c, ports("expose", v)))
                && all("before", v -> age(c) < age(engine.containers().get(v)))
                && all("since", v -> age(c) > age(engine.containers().get(v)))
                && any("health", v -> v.equals("none"))
                && any("is-task", v -> v.equals("false"));
    }

    private List<String> get(String key) {
        return values.getOrDefault(key, List.of());
    }

    private boolean any(String key, Predicate<String> test) {
        return !values.containsKey(key) || get(key).stream().anyMatch(test);
    }

    private boolean all(String key, Predicate<String> test) {
        return get(key).stream().allMatch(test);
    }

    /** Container labels: the image's, which a container inherits (the sandbox's run has no --label). */
    private static boolean hasLabel(Container c, String term) {
        Map<String, String> labels = c.image().config().labels();
        int eq = term.indexOf('=');
        return eq < 0 ? labels.containsKey(term) : term.substring(eq + 1).equals(labels.get(term.substring(0, eq)));
    }

    /** The image named, or any image whose chain of parents reaches it; an unknown image matches nothing. */
    private boolean descendsFrom(Image image, String ancestor) {
        Digest wanted;
        try {
            wanted = engine.images().resolve(ancestor).id();
        } catch (DaemonException e) {
            return false;
        }
        Optional<Image> at = Optional.of(image);
        while (at.isPresent()) {
            if (at.get().id().equals(wanted)) {
                return true;
            }
            at = at.get().parent().flatMap(engine.images()::byId);
        }
        return false;
    }

    /** By name or ID (or its prefix), as attached now, or as asked for at create when not running. */
    private static boolean onNetwork(Container c, String network) {
        String mode = c.spec().networkMode().equals("default") ? "bridge" : c.spec().networkMode();
        return c.endpoints().stream().anyMatch(e -> e.network().name().equals(network)
                || e.network().id().startsWith(network)) || mode.equals(network);
    }

    private static boolean exposes(Container c, Set<String> wanted) {
        Set<String> exposed = new HashSet<>(c.image().config().exposedPorts());
        c.publishedPorts().forEach(p -> exposed.add(key(p)));
        return exposed.stream().anyMatch(wanted::contains);
    }

    private static String key(PortMapping p) {
        return p.containerPort() + "/" + p.protocol();
    }

    /** {@code 80}, {@code 80/udp} or {@code 8000-8080/tcp}, as moby's portOp reads them. */
    private static Set<String> ports(String key, String value) {
        if (value.contains(":")) {
            throw invalid("filter for '" + key + "' should not contain ':': " + value);
        }
        int slash = value.indexOf('/');
        String proto = slash < 0 ? "tcp" : value.substring(slash + 1);
        String range = slash < 0 ? value : value.substring(0, slash);
        String[] ends = range.split("-", 2);
        Set<String> ports = new HashSet<>();
        for (String end : ends) {
            if (!end.matches("[0-9]{1,5}") || Integer.parseInt(end) > 65535) {
                throw invalid("error while looking up for " + key + " " + value + ": strconv.ParseUint: parsing \""
                        + end + "\": " + (end.matches("[0-9]+") ? "value out of range" : "invalid syntax"));
            }
        }
        int start = Integer.parseInt(ends[0]);
        int stop = ends.length > 1 ? Integer.parseInt(ends[1]) : start;
        for (int port = start; port <= stop; port++) {
            ports.add(port + "/" + proto);
        }
        return ports;
    }

    private static DaemonException invalid(String message) {
        return new DaemonException(DaemonException.Kind.INVALID_PARAMETER, message);
    }
}
