package org.laymanlabs.sandbox.image.build;

/**
 * A Dockerfile the parser refused, with the line it blames. Mirrors buildkit
 * frontend/dockerfile/instructions/parse.go (parseError: "dockerfile parse error on line %d: %v").
 */
public final class DockerfileParseException extends RuntimeException {

    private final int line;

    public DockerfileParseException(int line, String reason) {
        super(line > 0 ? "dockerfile parse error on line " + line + ": " + reason : reason);
        this.line = line;
    }

    /** The line the error is on, counted from 1; 0 when it concerns the whole file. */
    public int line() {
        return line;
    }
}
