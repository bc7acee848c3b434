package org.laymanlabs.sandbox.vfs;

/** A file operation a file system refused, with the errno text a Linux tool would print after the path. */
public final class FileSystemException extends RuntimeException {

    /** The errors a learner can meet in files, with strerror's wording. */
    public enum Reason {
        NO_SUCH_FILE("No such file or directory"),
        IS_A_DIRECTORY("Is a directory"),
        NOT_A_DIRECTORY("Not a directory"),
        EXISTS("File exists"),
        NOT_EMPTY("Directory not empty"),
        TOO_BIG("File too large"),
        NO_SPACE("Disk quota exceeded");

        private final String text;

        Reason(String text) {
            this.text = text;
        }

        public String text() {
            return text;
        }
    }

    private final Reason reason;
    private final String path;

    public FileSystemException(Reason reason, String path) {
        super(path + ": " + reason.text());
        this.reason = reason;
        this.path = path;
    }

    public Reason reason() {
        return reason;
    }

    /** The path as the learner wrote it. */
    public String path() {
        return path;
    }
}
