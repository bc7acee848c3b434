package org.laymanlabs.frontend.workspace;

import java.net.URI;
import java.util.List;
import java.util.Optional;

/** Where the workspace reads a lab's lesson: its steps, in order. */
interface Lessons {

    /** The lab's steps; empty when the lab has none written yet. */
    List<Step> steps(String labId);

    /** A file of the lab (an image or a diagram), by its path relative to the lab's folder. */
    Optional<byte[]> file(String labId, String path);

    /**
     * One step of a lesson.
     *
     * @param id       the step's id in lab.yaml, which progress and the grader use
     * @param title    its title in lab.yaml
     * @param markdown the whole step as written
     * @param file     the step's Markdown file, relative to the lab's folder ({@code steps/01-pull.md})
     */
    record Step(String id, String title, String markdown, String file) {

        /** A path written in the step (an image's), relative to the lab's folder, as a browser resolves it. */
        String resolve(String path) {
            return URI.create(file).resolve(path).normalize().toString();
        }
    }
}
