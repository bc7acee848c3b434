package org.laymanlabs.sandbox.kube.kubectl;

import java.time.Instant;
import java.util.function.Supplier;
import org.laymanlabs.sandbox.kube.apiserver.ApiServer;
import org.laymanlabs.sandbox.shell.Invocation;

/**
 * One kubectl run: the API server it talks to, the namespace its context defaults to, and the
 * shell it was typed into (for files and stdin). Output is collected here as kubectl writes it.
 */
final class Session {

    private final ApiServer api;
    private final Supplier<Instant> clock;
    private final String defaultNamespace;
    private final Invocation invocation;
    private final StringBuilder out = new StringBuilder();
    private final StringBuilder err = new StringBuilder();
    private boolean failed;

    Session(ApiServer api, String defaultNamespace, Invocation invocation, Supplier<Instant> clock) {
        this.api = api;
        this.clock = clock;
        this.defaultNamespace = defaultNamespace;
        this.invocation = invocation;
    }

    private GetWatch.Spec follow;

    /** kubectl get -w: what to keep printing once the command's first output is out. */
    void follow(GetWatch.Spec spec) {
        this.follow = spec;
    }

    java.util.Optional<GetWatch.Spec> following() {
        return java.util.Optional.ofNullable(follow);
    }

    ApiServer api() {
        return api;
    }

    Invocation invocation() {
        return invocation;
    }

    Instant now() {
        return clock.get();
    }

    /** The namespace given with -n, or the context's. */
    String namespace(FlagSet.Parsed flags) {
        String given = flags.string("namespace");
        return given.isEmpty() ? defaultNamespace : given;
    }

    void out(String text) {
        out.append(text);
    }

    /** A line on stderr that makes the command fail at the end, as kubectl's aggregated errors do. */
    void error(String line) {
        err.append(line).append('\n');
        failed = true;
    }

    /** A note on stderr that is not a failure ("No resources found in default namespace."). */
    void note(String line) {
        err.append(line).append('\n');
    }

    String stdout() {
        return out.toString();
    }

    String stderr() {
        return err.toString();
    }

    boolean failed() {
        return failed;
    }
}
