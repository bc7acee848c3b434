package org.laymanlabs.sandbox.shell;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.laymanlabs.sandbox.vfs.FileSystem;

/** What a bash session remembers between lines: $?, variables, the working directory, whether it has exited. */
final class ShellState {

    final FileSystem files;
    final Map<String, String> variables = new LinkedHashMap<>();
    String cwd;
    int lastExitCode;
    boolean exited;

    ShellState(FileSystem files, String user) {
        this.files = files;
        this.cwd = files.home();
        variables.put("HOME", files.home());
        variables.put("USER", user);
        variables.put("SHELL", "/bin/bash");
        variables.put("PATH", "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin");
        variables.put("PWD", cwd);
    }

    /** A copy for a subshell (a command substitution): what it changes stays in it. */
    ShellState subshell() {
        ShellState copy = new ShellState(files, variables.get("USER"));
        copy.variables.clear();
        copy.variables.putAll(variables);
        copy.cwd = cwd;
        copy.lastExitCode = lastExitCode;
        return copy;
    }

    /** A parameter's value: {@code ?} is the last status; an unset variable is null. */
    String resolve(String typed) {
        return FileSystem.resolve(cwd, files.home(), typed);
    }

    String parameter(String name) {
        return name.equals("?") ? String.valueOf(lastExitCode) : variables.get(name);
    }

    void assign(String assignment) {
        int equals = assignment.indexOf('=');
        variables.put(assignment.substring(0, equals), assignment.substring(equals + 1));
    }

    /**
     * {@code NAME=value command}: the assignments hold for that one command (bash puts them in
     * its environment) and the variables are as before afterwards.
     */
    <T> T withTemporaryVariables(List<String> assignments, Supplier<T> command) {
        Map<String, String> saved = new LinkedHashMap<>();
        for (String assignment : assignments) {
            String name = assignment.substring(0, assignment.indexOf('='));
            saved.putIfAbsent(name, variables.get(name));
            assign(assignment);
        }
        try {
            return command.get();
        } finally {
            saved.forEach((name, value) -> {
                if (value == null) {
                    variables.remove(name);
                } else {
                    variables.put(name, value);
                }
            });
        }
    }

    void changeDirectory(String absolutePath) {
        variables.put("OLDPWD", cwd);
        cwd = absolutePath;
        variables.put("PWD", cwd);
    }
}
