package org.laymanlabs.sandbox.image;

/** A reference that does not parse; the message is distribution/reference's, word for word. */
public final class InvalidReferenceException extends RuntimeException {

    public InvalidReferenceException(String message) {
        super(message);
    }
}
