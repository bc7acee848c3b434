package org.laymanlabs.sandbox.docker;

import java.util.List;
import java.util.Map;

/**
 * A command line after flag parsing: flag values by long name (defaults filled in), repeated
 * values for list flags such as {@code --filter}, and the positional arguments.
 */
public record ParsedArgs(Map<String, String> flags, Map<String, List<String>> repeated, List<String> args) {

    public ParsedArgs {
        flags = Map.copyOf(flags);
        repeated = Map.copyOf(repeated);
        args = List.copyOf(args);
    }

    public boolean bool(String name) {
        return Boolean.parseBoolean(flags.getOrDefault(name, "false"));
    }

    public String string(String name) {
        return flags.getOrDefault(name, "");
    }

    public List<String> all(String name) {
        return repeated.getOrDefault(name, List.of());
    }

    public String arg(int index) {
        return args.get(index);
    }
}
