package org.laymanlabs.backend.lab;

import java.util.List;

/**
 * What the catalog shows of one lab: the {@code metadata} block of its lab.yaml.
 *
 * @param id       the lab's folder name under labs/, also its address in the app
 * @param concepts the ideas it teaches, in the order it teaches them
 * @param order    its place in the curriculum (1 first), which the catalog lists labs by
 */
public record Lab(String id, String title, String summary, Level level, int minutes, List<String> concepts,
                  int order) {

    public Lab {
        concepts = List.copyOf(concepts);
    }
}
