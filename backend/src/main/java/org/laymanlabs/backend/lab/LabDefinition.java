package org.laymanlabs.backend.lab;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.laymanlabs.backend.grading.Check;
import org.laymanlabs.sandbox.SandboxSpec;

/**
 * A whole lab as its folder defines it: the catalog's metadata, the sandbox it starts, and its
 * steps in order. Built only by {@link LabValidator}, so a definition in hand is a valid one.
 *
 * @param sandbox the sandbox to start, its clock at any instant (see {@link #sandboxStartingAt})
 */
public record LabDefinition(Lab lab, SandboxSpec sandbox, List<Step> steps) {

    public LabDefinition {
        Objects.requireNonNull(lab, "lab");
        Objects.requireNonNull(sandbox, "sandbox");
        steps = List.copyOf(steps);
    }

    /** The lab's sandbox with its session starting at {@code start}, the server's clock when the learner opens it. */
    public SandboxSpec sandboxStartingAt(Instant start) {
        return new SandboxSpec(sandbox.seed(), start, sandbox.cluster(), sandbox.images(), sandbox.manifests(),
                sandbox.faults());
    }

    /** Each step's checks, keyed by step id in the lab's order, for {@code Grader.grade}. */
    public Map<String, List<Check>> checksByStep() {
        Map<String, List<Check>> checks = new LinkedHashMap<>();
        steps.forEach(step -> checks.put(step.id(), step.checks()));
        return checks;
    }
}
