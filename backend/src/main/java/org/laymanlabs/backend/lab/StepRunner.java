package org.laymanlabs.backend.lab;

import java.util.ArrayList;
import java.util.List;
import org.laymanlabs.sandbox.CommandResult;
import org.laymanlabs.sandbox.Sandbox;
import org.laymanlabs.sandbox.workspace.Workspace;
import org.springframework.stereotype.Service;

/**
 * What happens to a sandbox around a step: when the step begins, its starter files appear in
 * the learner's workspace and its faults strike; the reference solution writes its files and
 * types its lines into the learner's own shell, as a learner would (the lab self-test and the
 * instructor's preview use it).
 */
@Service
public class StepRunner {

    /** Puts the step's starter files in place (replacing the learner's copies) and injects its faults. */
    public void begin(Step step, Sandbox sandbox) {
        step.files().forEach(file -> write(sandbox.workspace(), file));
        step.faults().forEach(sandbox::inject);
    }

    /** Applies the reference solution; returns each line's result, in order. */
    public List<CommandResult> solve(Step step, Sandbox sandbox) {
        step.solution().files().forEach(file -> write(sandbox.workspace(), file));
        List<CommandResult> results = new ArrayList<>();
        for (String line : step.solution().run()) {
            results.add(sandbox.shell().run(line));
        }
        return results;
    }

    private static void write(Workspace workspace, Step.WorkspaceFile file) {
        String path = Workspace.HOME + "/" + file.path();
        String parent = path.substring(0, path.lastIndexOf('/'));
        workspace.mkdir(parent, true);
        workspace.write(path, file.content());
    }
}
