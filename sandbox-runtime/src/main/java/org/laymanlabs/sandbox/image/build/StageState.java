package org.laymanlabs.sandbox.image.build;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.laymanlabs.sandbox.image.Image;
import org.laymanlabs.sandbox.image.ImageConfig;

/**
 * Where a stage's dispatch stands: the image of the last step (null after {@code FROM scratch}),
 * the run config being built and the ARGs declared so far. Mirrors moby builder/dockerfile's
 * dispatchState and buildArgs.
 */
final class StageState {

    static final List<String> DEFAULT_SHELL = List.of("/bin/sh", "-c");

    Image image;
    ImageConfig config;
    List<String> shell = DEFAULT_SHELL;
    boolean cmdSet;
    private final Map<String, String> args = new LinkedHashMap<>();
    private final Map<String, String> given;
    private final Map<String, String> metaArgs;

    StageState(Image base, Map<String, String> given, Map<String, String> metaArgs) {
        this.image = base;
        this.config = base == null ? ImageConfig.empty() : base.config();
        this.given = given;
        this.metaArgs = metaArgs;
    }

    /** ARG: a value from --build-arg wins, then the default, then a meta ARG's value; null if none. */
    void declareArg(String name, String defaultValue) {
        String value = given.containsKey(name) ? given.get(name)
                : defaultValue != null ? defaultValue : metaArgs.get(name);
        args.put(name, value);
    }

    /** The variables an instruction's words expand with: the config's ENV, then ARGs ENV does not override. */
    Function<String, String> environment() {
        Map<String, String> env = new LinkedHashMap<>(argsWithValues());
        for (String entry : config.env()) {
            int eq = entry.indexOf('=');
            env.put(entry.substring(0, eq), entry.substring(eq + 1));
        }
        return env::get;
    }

    /** ARGs with values that no ENV overrides, sorted: what a RUN sees and records as {@code |N K=v}. */
    List<String> runArgs() {
        List<String> pairs = new ArrayList<>();
        argsWithValues().forEach((name, value) -> {
            if (config.env().stream().noneMatch(e -> e.startsWith(name + "="))) {
                pairs.add(name + "=" + value);
            }
        });
        pairs.sort(null);
        return pairs;
    }

    private Map<String, String> argsWithValues() {
        Map<String, String> values = new LinkedHashMap<>();
        args.forEach((name, value) -> {
            if (value != null) {
                values.put(name, value);
            }
        });
        return values;
    }
}
