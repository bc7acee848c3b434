package org.laymanlabs.sandbox.kube.kubelet.prober;

/** What a probe needs from its node (implemented by the kubelet over the node's network and runtime). */
public interface ProbeTarget {
    /** An HTTP request from the node's host network namespace, as kubelet's prober sends it
     *  (GET, User-Agent kube-probe/1.32, Accept *&#47;*, the probe's httpHeaders). */
    HttpOutcome httpGet(String scheme, String host, int port, String pathAndQuery,
                        java.util.Map<String, String> headers, java.time.Duration timeout);
    /** A TCP connect from the node's host network namespace. Empty when it connected, else
     *  Go's error text, e.g. "dial tcp 10.244.1.5:8080: connect: connection refused". */
    java.util.Optional<String> tcpConnect(String host, int port, java.time.Duration timeout);
    /** Runs the command in the container (like crictl exec): exit code and combined output,
     *  or an error when it could not run. */
    ExecOutcome exec(String containerId, java.util.List<String> command, java.time.Duration timeout);

    /** statusCode and body when a response came back; otherwise error holds Go's error text
     *  (e.g. "Get \"http://10.244.1.5:8080/healthz\": dial tcp 10.244.1.5:8080: connect: connection refused",
     *  or the timeout's "context deadline exceeded (Client.Timeout exceeded while awaiting headers)"). */
    record HttpOutcome(int statusCode, String body, java.util.Optional<String> error) { }
    /** exitCode with output, or error when the exec itself failed (e.g. executable not found). */
    record ExecOutcome(int exitCode, String output, java.util.Optional<String> error) { }
}
