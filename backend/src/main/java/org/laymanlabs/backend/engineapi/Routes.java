package org.laymanlabs.backend.engineapi;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Engine API's routes, as moby's routers register them (api/server/router/*): a method and a
 * path pattern with named variables. An image's name may hold slashes, so its variable takes
 * them, as moby's {@code {name:.*}} does. A path no route serves, or served for another method
 * only, is moby's 404 "page not found" (server.go sets the mux's NotFound and MethodNotAllowed
 * handlers to the same one).
 */
final class Routes {

    /** What a route does with a matched request. */
    @FunctionalInterface
    interface Handler {
        void handle(ApiCall call) throws IOException;
    }

    record Route(String method, Pattern path, Handler handler) {
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
        r.add("POST", "/containers/create", ContainerRoutes::create);
        r.add("GET", "/containers/" + NAME + "/json", ContainerRoutes::inspect);
        r.add("POST", "/containers/" + NAME + "/start", ContainerRoutes::start);
        r.add("POST", "/containers/" + NAME + "/stop", ContainerRoutes::stop);
        r.add("POST", "/containers/" + NAME + "/restart", ContainerRoutes::restart);
        r.add("POST", "/containers/" + NAME + "/kill", ContainerRoutes::kill);
        r.add("DELETE", "/containers/" + NAME, ContainerRoutes::remove);
        r.add("POST", "/containers/" + NAME + "/wait", ContainerStreams::await);
        r.add("POST", "/containers/" + NAME + "/attach", ContainerStreams::attach);
        r.add("GET", "/containers/" + NAME + "/logs", ContainerStreams::logs);
        r.add("POST", "/containers/" + NAME + "/exec", ExecRoutes::create);
        r.add("POST", "/exec/" + NAME + "/start", ExecRoutes::start);
        r.add("GET", "/exec/" + NAME + "/json", ExecRoutes::inspect);
        r.add("GET", "/images/json", ImageRoutes::list);
        r.add("POST", "/images/create", ImageRoutes::pull);
        r.add("GET", "/images/" + IMAGE + "/json", ImageRoutes::inspect);
        r.add("GET", "/images/" + IMAGE + "/history", ImageRoutes::history);
        r.add("POST", "/images/" + IMAGE + "/tag", ImageRoutes::tag);
        r.add("POST", "/images/" + IMAGE + "/push", ImageRoutes::push);
        r.add("DELETE", "/images/" + IMAGE, ImageRoutes::remove);
        r.add("POST", "/build", BuildRoute::build);
        r.add("GET", "/networks", NetworkRoutes::list);
        r.add("POST", "/networks/create", NetworkRoutes::create);
        r.add("GET", "/networks/" + NAME, NetworkRoutes::inspect);
        r.add("DELETE", "/networks/" + NAME, NetworkRoutes::remove);
        r.add("POST", "/networks/" + NAME + "/connect", NetworkRoutes::connect);
        r.add("POST", "/networks/" + NAME + "/disconnect", NetworkRoutes::disconnect);
        r.add("GET", "/volumes", VolumeRoutes::list);
        r.add("POST", "/volumes/create", VolumeRoutes::create);
        r.add("GET", "/volumes/" + NAME, VolumeRoutes::inspect);
        r.add("DELETE", "/volumes/" + NAME, VolumeRoutes::remove);
        return r;
    }

    private void add(String method, String path, Handler handler) {
        routes.add(new Route(method, Pattern.compile(path), handler));
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
