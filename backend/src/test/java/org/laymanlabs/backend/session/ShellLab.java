package org.laymanlabs.backend.session;

import java.time.Instant;
import java.util.List;
import org.laymanlabs.sandbox.Sandbox;
import org.laymanlabs.sandbox.SandboxSpec;

/**
 * A lab for session tests, in place of the lab package's: the default sandbox shape, and two steps
 * whose checks ask the sandbox itself, through its shell: "web" (a container named web is running)
 * and "notes" (notes.txt says done).
 */
public class ShellLab implements LabSandboxes {

    @Override
    public Sandbox create(String labId, long seed, Instant startTime) {
        return Sandbox.create(new SandboxSpec(seed, startTime));
    }

    @Override
    public List<CheckOutcome> check(String labId, String stepId, Sandbox sandbox) {
        if (stepId.equals("notes")) {
            String notes = sandbox.shell().run("cat /home/learner/notes.txt").stdout().strip();
            boolean passed = notes.equals("done");
            return List.of(new CheckOutcome("notes-done", passed,
                    passed ? "notes.txt says done" : "expected notes.txt to say done, found '" + notes + "'"));
        }
        String running = sandbox.shell().run("docker inspect -f '{{.State.Running}}' web").stdout().strip();
        boolean passed = running.equals("true");
        return List.of(new CheckOutcome("web-runs", passed,
                passed ? "container web is running" : "expected a running container named web, found " + running));
    }
}
