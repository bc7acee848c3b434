package org.laymanlabs.sandbox.vfs;

import java.time.Instant;

/**
 * What stat(2) says about a path: its type, permission bits, owner, size and modification time,
 * and for a symbolic link (from lstat) its target. What {@code ls -l}, {@code chmod}, {@code cp}
 * and the exec permission check read.
 *
 * @param mode       permission bits with setuid, setgid and sticky, such as {@code 0755} or {@code 01777}
 * @param linkTarget the target of a symbolic link, else empty
 */
public record FileStat(Type type, int mode, int uid, int gid, long size, Instant modified, String linkTarget) {

    /** The file types the sandbox's file systems hold. */
    public enum Type {
        REGULAR('-'), DIRECTORY('d'), SYMLINK('l');

        private final char letter;

        Type(char letter) {
            this.letter = letter;
        }

        /** The first character of {@code ls -l}'s mode column. */
        public char letter() {
            return letter;
        }
    }

    public boolean isDirectory() {
        return type == Type.DIRECTORY;
    }

    /** Whether any execute bit is set: what execve(2) requires (root included) of a regular file. */
    public boolean anyExecute() {
        return (mode & 0111) != 0;
    }

    /** {@code -rwxr-xr-x}, {@code drwxrwxrwt}: the mode as {@code ls -l} and {@code stat -c %A} print it. */
    public String modeString() {
        StringBuilder out = new StringBuilder().append(type.letter());
        String rwx = "rwxrwxrwx";
        for (int bit = 0; bit < 9; bit++) {
            out.append((mode & (0400 >> bit)) != 0 ? rwx.charAt(bit) : '-');
        }
        special(out, 3, 04000, 's');
        special(out, 6, 02000, 's');
        special(out, 9, 01000, 't');
        return out.toString();
    }

    /** A set special bit shows over the execute letter: lower case if executable too, else upper case. */
    private void special(StringBuilder out, int at, int bit, char letter) {
        if ((mode & bit) != 0) {
            out.setCharAt(at, out.charAt(at) == 'x' ? letter : Character.toUpperCase(letter));
        }
    }
}
