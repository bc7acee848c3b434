package org.laymanlabs.sandbox.image;

/**
 * An error the engine answers a request with. The message is moby's wording; the CLI prints it
 * after {@code Error response from daemon: }. The kind mirrors moby's errdefs and gives the
 * HTTP status the Engine API would send.
 */
public final class DaemonException extends RuntimeException {

    /** moby errdefs classes, with their HTTP status. */
    public enum Kind {
        INVALID_PARAMETER(400), FORBIDDEN(403), NOT_FOUND(404), CONFLICT(409), SYSTEM(500), UNAVAILABLE(503);

        private final int httpStatus;

        Kind(int httpStatus) {
            this.httpStatus = httpStatus;
        }

        public int httpStatus() {
            return httpStatus;
        }
    }

    private final Kind kind;

    public DaemonException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    /** {@code No such image: nginx:latest}, as image/errors.go ErrImageDoesNotExist. */
    public static DaemonException noSuchImage(String what) {
        return new DaemonException(Kind.NOT_FOUND, "No such image: " + what);
    }
}
