package org.laymanlabs.backend.workspace;

/**
 * Where the workspace gets a learner's sandbox for a lab. Today every caller gets a fresh one
 * held in memory; the session service will keep, snapshot and restore them per learner.
 */
public interface LabSandboxes {

    /** A new sandbox for the lab, its cluster booted and its clock at the start of the session. */
    LabSandbox start(String labId);
}
