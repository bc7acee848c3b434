package org.laymanlabs.sandbox.kube.kubelet.prober;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a probe needs from its node (implemented by the kubelet over the node's network and
 * runtime): the three ways kubelet's pkg/probe reaches a container.
 *
 * <p>Timeouts are the target's to enforce, and it words them as Go and containerd do, because the
 * prober recognises them by those words and then lets the probe take its whole timeout of virtual
 * time before the result counts: {@code "context deadline exceeded (Client.Timeout exceeded while
 * awaiting headers)"} for HTTP, {@code "dial tcp 10.244.1.5:8080: i/o timeout"} for TCP, and
 * {@link ExecOutcome#deadlineExceeded} for exec.
 */
public interface ProbeTarget {

    /**
     * An HTTP request from the node's host network namespace, as kubelet's prober sends it
     * (GET, User-Agent kube-probe/1.32, Accept *&#47;*, the probe's httpHeaders). {@code headers}
     * are in the order Go writes them; a "Host" entry replaces the Host header that would
     * otherwise be {@code host:port}. Go's client behind the prober follows a redirect to the
     * same host (at most 10, then the error "stopped after 10 redirects") and returns a redirect
     * to another host as it is, which the prober reports as a warning.
     */
    HttpOutcome httpGet(String scheme, String host, int port, String pathAndQuery,
                        Map<String, String> headers, Duration timeout);

    /** A TCP connect from the node's host network namespace. Empty when it connected, else
     *  Go's error text, e.g. "dial tcp 10.244.1.5:8080: connect: connection refused". */
    Optional<String> tcpConnect(String host, int port, Duration timeout);

    /** Runs the command in the container (like crictl exec): exit code and combined output,
     *  or an error when it could not run. */
    ExecOutcome exec(String containerId, List<String> command, Duration timeout);

    /** statusCode and body when a response came back; otherwise error holds Go's error text
     *  (e.g. "Get \"http://10.244.1.5:8080/healthz\": dial tcp 10.244.1.5:8080: connect: connection refused",
     *  or the timeout's "context deadline exceeded (Client.Timeout exceeded while awaiting headers)"). */
    record HttpOutcome(int statusCode, String body, Optional<String> error) {

        public static HttpOutcome response(int statusCode, String body) {
            return new HttpOutcome(statusCode, body, Optional.empty());
        }

        public static HttpOutcome failed(String goError) {
            return new HttpOutcome(0, "", Optional.of(goError));
        }
    }

    /** exitCode with output, or error when the exec itself failed (e.g. executable not found). */
    record ExecOutcome(int exitCode, String output, Optional<String> error) {

        public static ExecOutcome exited(int exitCode, String output) {
            return new ExecOutcome(exitCode, output, Optional.empty());
        }

        public static ExecOutcome failed(String runtimeError) {
            return new ExecOutcome(-1, "", Optional.of(runtimeError));
        }

        /** The command outlived its timeout: containerd's ExecSync answers with gRPC's DeadlineExceeded. */
        public static ExecOutcome deadlineExceeded(Duration timeout) {
            return failed("rpc error: code = DeadlineExceeded desc = failed to exec in container: timeout "
                    + timeout.toSeconds() + "s exceeded: context deadline exceeded");
        }
    }
}
