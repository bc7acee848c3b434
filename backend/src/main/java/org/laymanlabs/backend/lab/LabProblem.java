package org.laymanlabs.backend.lab;

/**
 * One thing wrong with a lab, where an instructor's editor can jump to it: the file (as the
 * lab's folder names it, e.g. {@code labs/web/lab.yaml}), the 1-based line and column, and what
 * is wrong. Printed as compilers print errors, so editors and CI logs link it.
 */
public record LabProblem(String file, int line, int column, String message) {

    /** A problem with a whole file (missing, unreadable), at its first character. */
    public static LabProblem inFile(String file, String message) {
        return new LabProblem(file, 1, 1, message);
    }

    @Override
    public String toString() {
        return file + ":" + line + ":" + column + ": " + message;
    }
}
