package org.laymanlabs.backend.lab;

import java.util.List;
import org.laymanlabs.backend.grading.Check;
import org.laymanlabs.sandbox.Fault;

/**
 * One step of a lab.
 *
 * @param text     the lesson, Markdown, read from the step's file
 * @param files    starter files put into the learner's workspace when the step begins
 * @param faults   what breaks when the step begins
 * @param hints    revealed one at a time, and counted
 * @param checks   all must pass for the step to be complete
 * @param solution the reference solution, which the lab self-test applies
 */
public record Step(String id, String title, String text, List<WorkspaceFile> files, List<Fault> faults,
                   List<String> hints, List<Check> checks, Solution solution) {

    public Step {
        files = List.copyOf(files);
        faults = List.copyOf(faults);
        hints = List.copyOf(hints);
        checks = List.copyOf(checks);
    }

    /** What the instructor wrote as the answer: files to write into the workspace, then shell lines to run. */
    public record Solution(List<WorkspaceFile> files, List<String> run) {
        public Solution {
            files = List.copyOf(files);
            run = List.copyOf(run);
        }
    }

    /**
     * A file for the learner's workspace.
     *
     * @param path    relative to the learner's home directory
     * @param content the text, read from the lab's folder
     */
    public record WorkspaceFile(String path, String content) {
    }
}
