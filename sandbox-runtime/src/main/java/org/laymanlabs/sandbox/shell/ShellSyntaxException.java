package org.laymanlabs.sandbox.shell;

/** A line bash would refuse to run; the message is bash's own wording, without the "bash: " prefix. */
final class ShellSyntaxException extends Exception {

    ShellSyntaxException(String message) {
        super(message);
    }
}
