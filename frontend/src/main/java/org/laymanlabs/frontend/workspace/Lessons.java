package org.laymanlabs.frontend.workspace;

import java.util.List;
import java.util.Optional;

/** Where the workspace reads a lab's lesson: its steps, in order. */
interface Lessons {

    /** The lab's steps; empty when the lab has none written yet. */
    List<Step> steps(String labId);

    /** A file beside the lesson (an image or a diagram), by its path relative to the lab's folder. */
    Optional<byte[]> file(String labId, String path);

    /**
     * One step of a lesson.
     *
     * @param title    its first heading, for the step list
     * @param markdown the whole step as written
     */
    record Step(String title, String markdown) {
    }
}
