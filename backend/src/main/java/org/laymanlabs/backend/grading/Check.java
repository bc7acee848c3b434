package org.laymanlabs.backend.grading;

import org.laymanlabs.sandbox.Sandbox;

/**
 * One thing a lab step asks of the learner's sandbox (DESIGN.md, "Labs"). A check only looks:
 * it reads the sandbox's objects, containers, images, files and history, or sends requests
 * through its network as curl would. Run checks through {@link Grader}, which turns any failure
 * to look into a failed result instead of an exception.
 */
public sealed interface Check permits ObjectCheck, RequestCheck, TraceCheck, ImageCheck, ContainerCheck, FileCheck,
        HistoryCheck {

    /** What the learner sees as the check's title. */
    String name();

    /** Looks at the sandbox; may throw if the sandbox is broken, which the grader reports as a failure. */
    CheckResult evaluate(Sandbox sandbox);
}
