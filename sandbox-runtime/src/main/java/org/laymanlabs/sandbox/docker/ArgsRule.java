package org.laymanlabs.sandbox.docker;

import java.util.List;
import java.util.Optional;

/**
 * How many positional arguments a command takes, with docker/cli's messages when the count is
 * wrong (cli/required.go: NoArgs, ExactArgs, RequiresMinArgs, RequiresMaxArgs).
 */
public record ArgsRule(int min, int max) {

    public static ArgsRule none() {
        return new ArgsRule(0, 0);
    }

    public static ArgsRule exactly(int n) {
        return new ArgsRule(n, n);
    }

    public static ArgsRule atLeast(int n) {
        return new ArgsRule(n, Integer.MAX_VALUE);
    }

    public static ArgsRule atMost(int n) {
        return new ArgsRule(0, n);
    }

    /** The error for these arguments, if the count is wrong. */
    Optional<String> check(List<String> args, String commandPath, String useLine) {
        int n = args.size();
        if (n >= min && n <= max) {
            return Optional.empty();
        }
        String usage = "\n\nUsage:  " + useLine + "\n\n";
        String run = "Run '" + commandPath + " --help' for more information";
        if (max == 0) {
            return Optional.of("docker: '" + commandPath + "' accepts no arguments" + usage + run);
        } else if (min == max) {
            return Optional.of("docker: '" + commandPath + "' requires " + min + " " + plural(min) + usage + run);
        } else if (n < min) {
            return Optional.of("docker: '" + commandPath + "' requires at least " + min + " " + plural(min) + usage
                    + "See '" + commandPath + " --help' for more information");
        }
        return Optional.of("docker: '" + commandPath + "' requires at most " + max + " " + plural(max) + usage + run);
    }

    private static String plural(int n) {
        return n == 1 ? "argument" : "arguments";
    }
}
