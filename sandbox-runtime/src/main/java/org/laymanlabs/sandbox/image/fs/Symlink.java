package org.laymanlabs.sandbox.image.fs;

/** A symbolic link; its target may be absolute or relative to the link's directory, as on Linux. */
public record Symlink(String target, int uid, int gid) implements Node {

    public static Symlink to(String target) {
        return new Symlink(target, 0, 0);
    }

    /** Links always show {@code lrwxrwxrwx} on Linux. */
    @Override
    public int mode() {
        return 0777;
    }

    @Override
    public char typeLetter() {
        return 'l';
    }
}
