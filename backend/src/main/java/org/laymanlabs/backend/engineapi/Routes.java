package org.laymanlabs.backend.engineapi;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.laymanlabs.backend.session.ApiResponse;

/**
 * The Engine API's routes, as moby's routers register them (api/server/router/*): a method and a
 * path pattern with named variables. An image's name may hold slashes, so its variable takes
 * them, as moby's {@code {name:.*}} does. A path no route serves, or served for another method
 * only, is moby's 404 "page not found" (server.go sets the mux's NotFound and MethodNotAllowed
 * handlers to the same one). A route that changes the sandbox has a {@link Change}, which the
 * {@link DockerDispatcher} carries out and the sandbox journals; its connection-side handler
 * forwards the request, and for exec start then streams what the exec writes.
 */
final class Routes {

    /** What a route does with a matched request. */
    @FunctionalInterface
    interface Handler {
        void handle(ApiCall call) throws IOException;
    }

    /** What a changing route does to the sandbox, on its thread, live and on replay. */
    @FunctionalInterface
    interface Change {
        ApiResponse apply(Dispatch dispatch) throws IOException;
    }

    /** @param change what the request does to the sandbox, or null for a read */
    record Route(String method, Pattern path, Handler handler, Change change) {
    }

    record Match(Route route, Matcher path) {
    }

    private static final String NAME = "(?<name>[^/]+)";
    private static final String IMAGE = "(?<name>.+)";

    private final List<Route> routes = new ArrayList<>();

    static Routes engine() {
        Routes r = new Routes();
        r.add("GET", "/_ping", SystemRoutes::ping);
        r.add("HEAD", "/_ping", SystemRoutes::ping);
        r.add("GET", "/version", SystemRoutes::version);
        r.add("GET", "/info", SystemRoutes::info);
        r.add("GET", "/system/df", SystemRoutes::diskUsage);
        r.add("GET", "/containers/json", ContainerRoutes::list);
        r.change("POST", "/containers/create", ContainerRoutes::create);
        r.add("GET", "/containers/" + NAME + "/json", ContainerRoutes::inspect);
        r.change("POST", "/containers/" + NAME + "/start", ContainerRoutes::start);
        r.change("POST", "/containers/" + NAME + "/stop", ContainerRoutes::stop);
        r.change("POST", "/containers/" + NAME + "/restart", ContainerRoutes::restart);
        r.change("POST", "/containers/" + NAME + "/kill", ContainerRoutes::kill);
        r.change("DELETE", "/containers/" + NAME, ContainerRoutes::remove);
        r.add("POST", "/containers/" + NAME + "/wait", ContainerStreams::await);
        r.add("POST", "/containers/" + NAME + "/attach", ContainerStreams::attach);
        r.add("GET", "/containers/" + NAME + "/logs", ContainerStreams::logs);
        r.change("POST", "/containers/" + NAME + "/exec", ExecRoutes::create);
        r.routes.add(new Route("POST", Pattern.compile("/exec/" + NAME + "/start"), ExecRoutes::stream, ExecRoutes::start));
        r.add("GET", "/exec/" + NAME + "/json", ExecRoutes::inspect);
        r.add("GET", "/images/json", ImageRoutes::list);
        r.change("POST", "/images/create", ImageRoutes::pull);
        r.add("GET", "/images/" + IMAGE + "/json", ImageRoutes::inspect);
        r.add("GET", "/images/" + IMAGE + "/history", ImageRoutes::history);
        r.change("POST", "/images/" + IMAGE + "/tag", ImageRoutes::tag);
        r.change("POST", "/images/" + IMAGE + "/push", ImageRoutes::push);
        r.change("DELETE", "/images/" + IMAGE, ImageRoutes::remove);
        r.change("POST", "/build", BuildRoute::build);
        r.add("GET", "/networks", NetworkRoutes::list);
        r.change("POST", "/networks/create", NetworkRoutes::create);
        r.add("GET", "/networks/" + NAME, NetworkRoutes::inspect);
        r.change("DELETE", "/networks/" + NAME, NetworkRoutes::remove);
        r.change("POST", "/networks/" + NAME + "/connect", NetworkRoutes::connect);
        r.change("POST", "/networks/" + NAME + "/disconnect", NetworkRoutes::disconnect);
        r.add("GET", "/volumes", VolumeRoutes::list);
        r.change("POST", "/volumes/create", VolumeRoutes::create);
        r.add("GET", "/volumes/" + NAME, VolumeRoutes::inspect);
        r.change("DELETE", "/volumes/" + NAME, VolumeRoutes::remove);
        return r;
    }

    private void add(String method, String path, Handler handler) {
        routes.add(new Route(method, Pattern.compile(path), handler, null));
    }

    /** A changing route: the connection forwards it to the sandbox, which journals it and answers. */
    private void change(String method, String path, Change change) {
        routes.add(new Route(method, Pattern.compile(path), ApiCall::forward, change));
    }

    /** The route for this method and path (without its version prefix), if there is one. */
    Optional<Match> find(String method, String path) {
        for (Route route : routes) {
            Matcher m = route.path().matcher(path);
            if (route.method().equals(method) && m.matches()) {
                return Optional.of(new Match(route, m));
            }
        }
        return Optional.empty();
    }
}
