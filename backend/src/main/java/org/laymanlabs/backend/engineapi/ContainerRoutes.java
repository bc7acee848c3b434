package org.laymanlabs.backend.engineapi;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.laymanlabs.backend.session.ApiResponse;
import org.laymanlabs.sandbox.container.Container;
import org.laymanlabs.sandbox.container.ContainerEngine;
import org.laymanlabs.sandbox.container.ContainerSpec;
import org.laymanlabs.sandbox.container.ContainerStatus;
import org.laymanlabs.sandbox.container.program.Signal;
import org.laymanlabs.sandbox.docker.ContainerFilters;
import org.laymanlabs.sandbox.docker.ContainerInspect;
import org.laymanlabs.sandbox.image.DaemonException;
import org.laymanlabs.sandbox.image.json.JsonValue;
import org.laymanlabs.sandbox.image.json.JsonWriter;

/**
 * The containers' lifecycle routes. Mirrors moby api/server/router/container/container_routes.go:
 * create answers 201 with the ID and warnings, the verbs answer 204, a start of a running
 * container and a stop of a stopped one 304, and every lookup goes by name, ID or ID prefix.
 * The changes are carried out by the {@link DockerDispatcher} and journaled; list and inspect are reads.
 */
final class ContainerRoutes {

    private ContainerRoutes() {
    }

    static ApiResponse create(Dispatch d) throws IOException {
        JsonBody config = JsonBody.read(d.request, "container.Config");
        ContainerSpec spec = ContainerCreateRequest.read(config, d.param("name"));
        if (spec.image().isEmpty()) {
            throw new DaemonException(DaemonException.Kind.INVALID_PARAMETER, "no image specified");
        }
        Container created = d.sandbox.containers().create(spec);
        if (spec.openStdin() && config.bool("AttachStdin")
                && ContainerEngine.readsTerminal(pastEntrypointScript(created.argv()))) {
            // docker run -i of a shell: its stdin would be the client's, which this API does not carry (see ExecRoutes).
            d.sandbox.containers().remove(created.id(), true);
            throw new DaemonException(DaemonException.Kind.INVALID_PARAMETER, ExecRoutes.INTERACTIVE);
        }
        return Dispatch.json(201, "{\"Id\":\"" + created.id() + "\",\"Warnings\":[]}");
    }

    /**
     * The command an official image's {@code docker-entrypoint.sh} ends up running: those scripts end
     * with {@code exec "$@"}, so {@code docker run -i nginx sh} is a shell reading its stdin too.
     */
    private static List<String> pastEntrypointScript(List<String> argv) {
        return argv.size() > 1 && argv.get(0).endsWith("docker-entrypoint.sh") ? argv.subList(1, argv.size()) : argv;
    }

    /** {@code GET /containers/json?all=&limit=&filters=}: summaries, newest first (daemon/list.go). */
    static void list(ApiCall call) throws IOException {
        List<String> terms = Filters.terms(call.param("filters"));
        boolean all = call.flag("all");
        int limit = call.param("limit").isEmpty() ? -1 : Integer.parseInt(call.param("limit"));
        String json = call.read(sandbox -> {
            ContainerEngine engine = sandbox.containers();
            ContainerFilters filters = ContainerFilters.parse(terms, engine);
            boolean everything = all || limit > 0 || filters.showsAll();
            List<JsonValue> shown = engine.containers().all().stream()
                    .filter(c -> everything || c.state().isRunning())
                    .filter(filters.predicate())
                    .limit(limit > 0 ? limit : Long.MAX_VALUE)
                    .<JsonValue>map(c -> ContainerSummaries.of(c, engine, false)).toList();
            return JsonWriter.compact(new JsonValue.Arr(shown));
        });
        call.response.json(200, json);
    }

    static void inspect(ApiCall call) throws IOException {
        boolean size = call.flag("size");
        call.response.json(200, call.read(sandbox -> JsonWriter.compact(ContainerInspect.of(
                sandbox.containers().containers().get(call.var("name")), sandbox.containers().networks(), size))));
    }

    static ApiResponse start(Dispatch d) {
        Container c = d.sandbox.containers().containers().get(d.var("name"));
        if (c.state().isRunning()) {
            return Dispatch.empty(304);
        }
        d.sandbox.containers().start(c.id());
        return Dispatch.empty(204);
    }

    /** {@code ?t=} seconds (docker-java sends 10, the CLI none) and {@code ?signal=}. */
    static ApiResponse stop(Dispatch d) {
        Optional<Duration> timeout = timeout(d.param("t"));
        Optional<Signal> signal = signal(d.param("signal"));
        Container c = d.sandbox.containers().containers().get(d.var("name"));
        if (!c.state().isRunning()) {
            return Dispatch.empty(304);
        }
        d.sandbox.containers().stop(c.id(), timeout, signal);
        return Dispatch.empty(204);
    }

    static ApiResponse restart(Dispatch d) {
        Optional<Duration> timeout = timeout(d.param("t"));
        Optional<Signal> signal = signal(d.param("signal"));
        d.sandbox.containers().restart(d.var("name"), timeout, signal);
        return Dispatch.empty(204);
    }

    static ApiResponse kill(Dispatch d) {
        Signal signal = signal(d.param("signal")).orElse(Signal.SIGKILL);
        d.sandbox.containers().kill(d.var("name"), signal);
        return Dispatch.empty(204);
    }

    /** {@code DELETE /containers/x?force=&v=}: a running container only with force. */
    static ApiResponse remove(Dispatch d) {
        d.sandbox.containers().remove(d.var("name"), d.flag("force"));
        return Dispatch.empty(204);
    }

    private static Optional<Duration> timeout(String t) {
        if (t.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Duration.ofSeconds(Long.parseLong(t)));
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("strconv.Atoi: parsing \"" + t + "\": invalid syntax");
        }
    }

    private static Optional<Signal> signal(String given) {
        if (given.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(Signal.parse(given).orElseThrow(() -> new DaemonException(
                DaemonException.Kind.INVALID_PARAMETER, "Invalid signal: " + given)));
    }

    /** Whether a container has ended its run: exited, dead, or never started. */
    static boolean notRunning(Container c) {
        ContainerStatus s = c.state().status();
        return s != ContainerStatus.RUNNING && s != ContainerStatus.RESTARTING && s != ContainerStatus.PAUSED;
    }
}
