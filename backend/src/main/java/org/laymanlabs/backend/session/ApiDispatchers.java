package org.laymanlabs.backend.session;

import java.util.Collection;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The API dispatchers of this server, by name; replay finds each journaled request's dispatcher here. */
public final class ApiDispatchers {

    private static final ApiDispatchers NONE = new ApiDispatchers(Map.of());

    private final Map<String, ApiDispatcher> byName;

    private ApiDispatchers(Map<String, ApiDispatcher> byName) {
        this.byName = byName;
    }

    public static ApiDispatchers none() {
        return NONE;
    }

    /** Fails if two dispatchers claim one name, since replay could not tell which answered. */
    public static ApiDispatchers of(Collection<? extends ApiDispatcher> dispatchers) {
        return new ApiDispatchers(dispatchers.stream().collect(Collectors.toUnmodifiableMap(ApiDispatcher::api, Function.identity())));
    }

    ApiDispatcher forRequest(ApiRequest request) {
        ApiDispatcher dispatcher = byName.get(request.api());
        if (dispatcher == null) {
            throw new IllegalStateException("no '" + request.api() + "' API is served here to replay '" + request + "'");
        }
        return dispatcher;
    }
}
