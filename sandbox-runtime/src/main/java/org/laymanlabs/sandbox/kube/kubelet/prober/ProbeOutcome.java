package org.laymanlabs.sandbox.kube.kubelet.prober;

import java.time.Duration;
import java.util.Optional;

/**
 * What one run of a probe handler gave, as pkg/probe returns it: a result, the output that goes
 * into the event, and an error when the probe could not be run at all. {@code took} is the virtual
 * time the attempt lasted: zero, or the whole timeout when it timed out.
 */
record ProbeOutcome(Kind kind, String output, Optional<String> error, Duration took) {

    /** pkg/probe Result. */
    enum Kind { SUCCESS, WARNING, FAILURE, UNKNOWN }

    static ProbeOutcome success(String output) {
        return new ProbeOutcome(Kind.SUCCESS, output, Optional.empty(), Duration.ZERO);
    }

    static ProbeOutcome warning(String output) {
        return new ProbeOutcome(Kind.WARNING, output, Optional.empty(), Duration.ZERO);
    }

    static ProbeOutcome failure(String output) {
        return new ProbeOutcome(Kind.FAILURE, output, Optional.empty(), Duration.ZERO);
    }

    /** probe.Unknown with an error: the kubelet throws the result away after an "errored" event. */
    static ProbeOutcome error(String goError) {
        return new ProbeOutcome(Kind.UNKNOWN, "", Optional.of(goError), Duration.ZERO);
    }

    ProbeOutcome took(Duration duration) {
        return new ProbeOutcome(kind, output, error, duration);
    }
}
