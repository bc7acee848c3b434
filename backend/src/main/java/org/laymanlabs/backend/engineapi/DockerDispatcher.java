package org.laymanlabs.backend.engineapi;

import java.io.IOException;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import org.laymanlabs.backend.session.ApiDispatcher;
import org.laymanlabs.backend.session.ApiRequest;
import org.laymanlabs.backend.session.ApiResponse;
import org.laymanlabs.sandbox.Sandbox;
import org.laymanlabs.sandbox.image.DaemonException;
import org.springframework.stereotype.Component;

/**
 * Carries out the Engine API's changing requests on a sandbox (container create, start, stop…,
 * exec, pull, build, tag, push, networks, volumes), live and on replay alike: the session journals
 * each one it dispatched and dispatches it again at the same instant when it restores the
 * sandbox. A refusal is an answer too ({@code {"message":…}} with moby's status), so the replay
 * refuses it again; only a fault of our own is thrown. What the API keeps beside a sandbox (its
 * exec instances) is kept per sandbox object, so a restored sandbox rebuilds its own by replay.
 */
@Component
public final class DockerDispatcher implements ApiDispatcher {

    static final String API = "docker";

    private final Routes routes = Routes.engine();
    private final Map<Sandbox, EngineState> states = Collections.synchronizedMap(new WeakHashMap<>());

    @Override
    public String api() {
        return API;
    }

    @Override
    public ApiResponse dispatch(Sandbox sandbox, ApiRequest request) {
        HttpRequest http = HttpRequest.of(request);
        try {
            ApiVersion version = ApiVersion.split(http.path());
            Routes.Match match = routes.find(http.method(), version.path()).filter(m -> m.route().change() != null)
                    .orElseThrow(() -> new DaemonException(DaemonException.Kind.NOT_FOUND, "page not found"));
            return match.route().change().apply(new Dispatch(http, match.path(), sandbox, state(sandbox)));
        } catch (DaemonException e) {
            return Dispatch.error(e.kind().httpStatus(), e.getMessage());
        } catch (ApiException e) {
            return Dispatch.error(e.status(), e.getMessage());
        } catch (IOException e) {
            return Dispatch.error(400, e.getMessage());
        }
    }

    /** What the API keeps for this sandbox; call on the sandbox's thread. */
    EngineState state(Sandbox sandbox) {
        return states.computeIfAbsent(sandbox, s -> new EngineState());
    }
}
