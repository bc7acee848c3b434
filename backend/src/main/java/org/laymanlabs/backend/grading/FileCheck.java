package org.laymanlabs.backend.grading;

import java.util.Optional;
import java.util.regex.Pattern;
import org.laymanlabs.sandbox.Sandbox;
import org.laymanlabs.sandbox.workspace.Workspace;

/**
 * Workspace file: a file in the learner's home directory exists (or not), contains a text, or
 * matches a regular expression (searched line by line, as {@code grep -E} would find it).
 */
public record FileCheck(String name, String path, boolean exists, Optional<String> contains, Optional<Pattern> matches)
        implements Check {

    @Override
    public CheckResult evaluate(Sandbox sandbox) {
        String absolute = Workspace.HOME + "/" + path;
        Workspace files = sandbox.workspace();
        boolean there = files.exists(absolute) && !files.isDirectory(absolute);
        if (!exists) {
            return there ? CheckResult.fail(name, "no file ~/" + path, "the file ~/" + path)
                    : CheckResult.pass(name, "There is no file ~/" + path + ", as expected.");
        }
        if (!there) {
            return CheckResult.fail(name, expected(), files.isDirectory(absolute) ? "a directory ~/" + path
                    : "no file ~/" + path);
        }
        String text = files.read(absolute);
        if (contains.isPresent() && !text.contains(contains.get())) {
            return CheckResult.fail(name, expected(), "~/" + path + " without '" + contains.get() + "'");
        }
        if (matches.isPresent() && !matches.get().matcher(text).find()) {
            return CheckResult.fail(name, expected(), "~/" + path + " with no line matching " + matches.get().pattern());
        }
        return CheckResult.pass(name, "Found ~/" + path + (contains.isPresent() || matches.isPresent()
                ? " with what it needs" : "") + ", as expected.");
    }

    private String expected() {
        return "a file ~/" + path + contains.map(c -> " containing '" + c + "'").orElse("")
                + matches.map(m -> " with a line matching " + m.pattern()).orElse("");
    }
}
