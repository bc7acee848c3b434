package org.laymanlabs.sandbox.kube.kubectl;

import java.time.Instant;
import org.laymanlabs.sandbox.kube.apiserver.ApiServer;
import org.laymanlabs.sandbox.shell.Invocation;
import org.laymanlabs.sandbox.time.TimeSource;

/**
 * One kubectl run: the API server it talks to, the namespace its context defaults to, and the
 * shell it was typed into (for files and stdin). Output is collected here as kubectl writes it.
 */
final class Session {

    private final ApiServer api;
    private final TimeSource clock;
    private final String defaultNamespace;
    private final Invocation invocation;
    private final StringBuilder out = new StringBuilder();
    private final StringBuilder err = new StringBuilder();
    private boolean failed;
    private int exitCode;
    private final KubectlCommand.Kubelets kubelets;
    private java.util.function.Function<org.laymanlabs.sandbox.OutputSink, org.laymanlabs.sandbox.shell.Execution> stream;

    Session(ApiServer api, String defaultNamespace, Invocation invocation, TimeSource clock,
            KubectlCommand.Kubelets kubelets) {
        this.api = api;
        this.kubelets = kubelets;
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

    /** The kubelet of a node, which the API server proxies logs and exec to. */
    java.util.Optional<org.laymanlabs.sandbox.kube.kubelet.Kubelet> kubelet(String node) {
        return kubelets.apply(node);
    }

    /** kubectl logs -f: what goes on writing once the command's first output is out. */
    void stream(java.util.function.Function<org.laymanlabs.sandbox.OutputSink, org.laymanlabs.sandbox.shell.Execution> follower) {
        this.stream = follower;
    }

    java.util.Optional<java.util.function.Function<org.laymanlabs.sandbox.OutputSink, org.laymanlabs.sandbox.shell.Execution>> streaming() {
        return java.util.Optional.ofNullable(stream);
    }

    /** A last line on stderr and the exit code kubectl passes on (kubectl exec's "command terminated with exit code N"). */
    void exit(String line, int code) {
        err.append(line).append('\n');
        exitCode = code;
    }

    int exitCode() {
        return exitCode != 0 ? exitCode : failed ? 1 : 0;
    }

    /** The API server; without one, kubectl's discovery fails as it does against a refused connection. */
    ApiServer api() {
        if (api == null) {
            throw KubectlException.verbatim(NoServer.discoveryFailed(now()));
        }
        return api;
    }

    /** Whether there is a server at all (a laptop without a cluster has none). */
    boolean hasServer() {
        return api != null;
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
