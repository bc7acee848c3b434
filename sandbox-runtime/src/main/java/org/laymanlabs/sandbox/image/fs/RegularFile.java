package org.laymanlabs.sandbox.image.fs;

/** A regular file: its content (or a stand-in for it), permission bits and owner. */
public record RegularFile(FileContent content, int mode, int uid, int gid) implements Node {

    public static RegularFile text(String text, int mode) {
        return new RegularFile(new FileContent.Text(text), mode, 0, 0);
    }

    public long size() {
        return content.size();
    }

    @Override
    public char typeLetter() {
        return '-';
    }
}
