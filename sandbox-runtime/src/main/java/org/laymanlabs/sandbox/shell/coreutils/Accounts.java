package org.laymanlabs.sandbox.shell.coreutils;

import java.util.Optional;
import org.laymanlabs.sandbox.shell.ShellContext;
import org.laymanlabs.sandbox.vfs.FileSystem;
import org.laymanlabs.sandbox.workspace.Workspace;

/**
 * getpwuid and getgrgid as ls and friends use them: the name in the file system's own
 * /etc/passwd or /etc/group (a container's), else root for 0 and the shell's user for the
 * learner's uid on the laptop, else the number.
 */
final class Accounts {

    private Accounts() {
    }

    static String user(FileSystem fs, ShellContext shell, int uid) {
        return lookup(fs, "/etc/passwd", uid).orElseGet(() -> fallback(shell, uid));
    }

    static String group(FileSystem fs, ShellContext shell, int gid) {
        return lookup(fs, "/etc/group", gid).orElseGet(() -> fallback(shell, gid));
    }

    private static Optional<String> lookup(FileSystem fs, String file, int id) {
        if (!fs.exists(file) || fs.isDirectory(file)) {
            return Optional.empty();
        }
        for (String line : fs.read(file).split("\n")) {
            String[] fields = line.split(":");
            if (fields.length > 2 && fields[2].equals(Integer.toString(id))) {
                return Optional.of(fields[0]);
            }
        }
        return Optional.empty();
    }

    private static String fallback(ShellContext shell, int id) {
        if (id == 0) {
            return "root";
        }
        if (id == Workspace.LEARNER_UID) {
            return shell.variable("USER").orElse(Integer.toString(id));
        }
        return Integer.toString(id);
    }
}
