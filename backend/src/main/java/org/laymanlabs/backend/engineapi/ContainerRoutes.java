package org.laymanlabs.backend.engineapi;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
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
 */
final class ContainerRoutes {

    private ContainerRoutes() {
    }

    static void create(ApiCall call) throws IOException {
        ContainerSpec spec = ContainerCreateRequest.read(call.request, call.param("name"));
        String id = call.run(sandbox -> {
            if (spec.image().isEmpty()) {
                throw new DaemonException(DaemonException.Kind.INVALID_PARAMETER, "no image specified");
            }
            return sandbox.containers().create(spec).id();
        });
        call.response.json(201, "{\"Id\":\"" + id + "\",\"Warnings\":[]}");
    }

    /** {@code GET /containers/json?all=&limit=&filters=}: summaries, newest first (daemon/list.go). */
    static void list(ApiCall call) throws IOException {
        List<String> terms = Filters.terms(call.param("filters"));
        boolean all = call.flag("all");
        int limit = call.param("limit").isEmpty() ? -1 : Integer.parseInt(call.param("limit"));
        String json = call.run(sandbox -> {
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
        call.response.json(200, call.run(sandbox -> JsonWriter.compact(ContainerInspect.of(
                sandbox.containers().containers().get(call.var("name")), sandbox.containers().networks(), size))));
    }

    static void start(ApiCall call) throws IOException {
        boolean started = call.run(sandbox -> {
            Container c = sandbox.containers().containers().get(call.var("name"));
            if (c.state().isRunning()) {
                return false;
            }
            sandbox.containers().start(c.id());
            return true;
        });
        call.response.empty(started ? 204 : 304);
    }

    /** {@code ?t=} seconds (docker-java sends 10, the CLI none) and {@code ?signal=}. */
    static void stop(ApiCall call) throws IOException {
        Optional<Duration> timeout = timeout(call);
        Optional<Signal> signal = signal(call);
        boolean stopped = call.run(sandbox -> {
            Container c = sandbox.containers().containers().get(call.var("name"));
            if (!c.state().isRunning()) {
                return false;
            }
            sandbox.containers().stop(c.id(), timeout, signal);
            return true;
        });
        call.response.empty(stopped ? 204 : 304);
    }

    static void restart(ApiCall call) throws IOException {
        Optional<Duration> timeout = timeout(call);
        Optional<Signal> signal = signal(call);
        call.run(sandbox -> sandbox.containers().restart(call.var("name"), timeout, signal));
        call.response.empty(204);
    }

    static void kill(ApiCall call) throws IOException {
        Signal signal = signal(call).orElse(Signal.SIGKILL);
        call.run(sandbox -> sandbox.containers().kill(call.var("name"), signal));
        call.response.empty(204);
    }

    /** {@code DELETE /containers/x?force=&v=}: a running container only with force. */
    static void remove(ApiCall call) throws IOException {
        boolean force = call.flag("force");
        call.run(sandbox -> sandbox.containers().remove(call.var("name"), force));
        call.response.empty(204);
    }

    private static Optional<Duration> timeout(ApiCall call) {
        String t = call.param("t");
        if (t.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Duration.ofSeconds(Long.parseLong(t)));
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("strconv.Atoi: parsing \"" + t + "\": invalid syntax");
        }
    }

    private static Optional<Signal> signal(ApiCall call) {
        String given = call.param("signal");
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
