package org.laymanlabs.backend.grading;

/** How a check came out. */
public enum Verdict {
    PASS,
    FAIL
}
