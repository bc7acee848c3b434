package org.laymanlabs.sandbox.image.build;

import java.util.List;
import java.util.Map;

/**
 * The options of one build, as {@code docker build} sends them (moby types.ImageBuildOptions).
 *
 * @param tags      references to tag the result with, already validated
 * @param buildArgs {@code --build-arg NAME=value}; a value of null means "take it from the environment"
 * @param target    the stage to stop at, or empty for the last
 */
public record BuildOptions(List<String> tags, boolean noCache, Map<String, String> buildArgs, String target,
                           boolean quiet) {

    public BuildOptions {
        tags = List.copyOf(tags);
        buildArgs = Map.copyOf(buildArgs);
    }

    public static BuildOptions defaults() {
        return new BuildOptions(List.of(), false, Map.of(), "", false);
    }
}
