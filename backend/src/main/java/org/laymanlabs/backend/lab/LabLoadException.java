package org.laymanlabs.backend.lab;

/** A lab.yaml the catalog cannot use; the message starts with the file, line and column. */
final class LabLoadException extends Exception {

    LabLoadException(String message) {
        super(message);
    }
}
