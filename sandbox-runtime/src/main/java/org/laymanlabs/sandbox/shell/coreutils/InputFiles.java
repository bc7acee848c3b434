package org.laymanlabs.sandbox.shell.coreutils;

import java.util.ArrayList;
import java.util.List;
import org.laymanlabs.sandbox.shell.Invocation;
import org.laymanlabs.sandbox.vfs.FileSystemException;

/**
 * The text a filter reads: each named FILE, or stdin when none is named (or for {@code -}). A
 * file that cannot be read is reported as {@code tool: name: reason} and skipped, as coreutils do.
 */
record InputFiles(List<Input> inputs, String errors) {

    record Input(String name, String text) { }

    static InputFiles read(String tool, List<String> names, Invocation invocation) {
        List<Input> inputs = new ArrayList<>();
        StringBuilder errors = new StringBuilder();
        if (names.isEmpty()) {
            inputs.add(new Input("-", invocation.stdin()));
        }
        for (String name : names) {
            if (name.equals("-")) {
                inputs.add(new Input(name, invocation.stdin()));
                continue;
            }
            try {
                inputs.add(new Input(name, invocation.shell().files().read(invocation.shell().resolve(name))));
            } catch (FileSystemException e) {
                errors.append(tool).append(": ").append(name).append(": ").append(e.reason().text()).append('\n');
            }
        }
        return new InputFiles(inputs, errors.toString());
    }

    boolean failed() {
        return !errors.isEmpty();
    }

    /** The lines of a text, without their newlines; a final line without a newline still counts. */
    static List<String> lines(String text) {
        if (text.isEmpty()) {
            return List.of();
        }
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        if (text.endsWith("\n")) {
            lines.remove(lines.size() - 1);
        }
        return lines;
    }
}
