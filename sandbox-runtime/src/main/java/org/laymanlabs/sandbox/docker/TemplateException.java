package org.laymanlabs.sandbox.docker;

/** A Go template that does not parse or run; the message is text/template's, e.g. {@code template: :1: unclosed action}. */
final class TemplateException extends Exception {

    TemplateException(String message) {
        super(message);
    }
}
