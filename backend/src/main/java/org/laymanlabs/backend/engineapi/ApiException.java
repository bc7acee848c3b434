package org.laymanlabs.backend.engineapi;

/** A request the Engine API refuses before any sandbox work: its HTTP status and moby-style message. */
final class ApiException extends RuntimeException {

    private final int status;

    ApiException(int status, String message) {
        super(message);
        this.status = status;
    }

    int status() {
        return status;
    }

    static ApiException badRequest(String message) {
        return new ApiException(400, message);
    }
}
