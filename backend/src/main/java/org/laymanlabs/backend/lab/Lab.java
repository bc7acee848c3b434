package org.laymanlabs.backend.lab;

import java.util.List;

/**
 * What the catalog shows of one lab: the {@code metadata} block of its lab.yaml.
 *
 * @param id       the lab's folder name under labs/, also its address in the app
 * @param concepts the ideas it teaches, in the order it teaches them
 */
public record Lab(String id, String title, String summary, Level level, int minutes, List<String> concepts) {

    public Lab {
        concepts = List.copyOf(concepts);
    }
}
