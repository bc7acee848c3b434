package org.laymanlabs.sandbox.kube.store;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An etcdctl command line as spf13/pflag reads it: flags anywhere among the arguments, as
 * {@code --name value}, {@code --name=value} or {@code -w json}, and {@code --} ending the flags.
 * Failures carry pflag's wording, which etcdctl prints after "Error: ".
 */
final class EtcdctlArgs {

    private static final Set<String> SWITCHES = Set.of("prefix", "keys-only", "print-value-only", "prev-kv",
            "count-only", "cluster", "from-key", "physical");
    private static final Set<String> VALUED = Set.of("endpoints", "write-out", "rev", "limit", "consistency");
    private static final Map<String, String> SHORTHANDS = Map.of("w", "write-out");

    final List<String> positional = new ArrayList<>();
    private final Map<String, String> values = new HashMap<>();

    /** etcdctl's exit: the message it prints after "Error: " and its exit status (cobrautl). */
    static final class Exit extends RuntimeException {
        static final int ERROR = 1;
        static final int BAD_FEATURE = 4;
        static final int INTERRUPTED = 5;
        static final int BAD_ARGS = 128;

        final int code;

        Exit(int code, String message) {
            super(message, null, false, false);
            this.code = code;
        }
    }

    static EtcdctlArgs parse(List<String> args) {
        EtcdctlArgs parsed = new EtcdctlArgs();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("--")) {
                parsed.positional.addAll(args.subList(i + 1, args.size()));
                break;
            }
            if (!arg.startsWith("-") || arg.equals("-")) {
                parsed.positional.add(arg);
                continue;
            }
            if (!arg.startsWith("--")) {
                i = parsed.shorthand(args, i);
                continue;
            }
            String body = arg.substring(2);
            int eq = body.indexOf('=');
            String name = eq < 0 ? body : body.substring(0, eq);
            if (SWITCHES.contains(name)) {
                parsed.values.put(name, eq < 0 ? "true" : body.substring(eq + 1));
            } else if (VALUED.contains(name)) {
                if (eq >= 0) {
                    parsed.values.put(name, body.substring(eq + 1));
                } else if (i + 1 < args.size()) {
                    parsed.values.put(name, args.get(++i));
                } else {
                    throw new Exit(Exit.ERROR, "flag needs an argument: " + arg);
                }
            } else {
                throw new Exit(Exit.ERROR, "unknown flag: --" + name);
            }
        }
        return parsed;
    }

    /** {@code -w json}, {@code -wjson} or {@code -w=json}; returns the index of the last argument used. */
    private int shorthand(List<String> args, int i) {
        String arg = args.get(i);
        String name = SHORTHANDS.get(arg.substring(1, 2));
        if (name == null) {
            throw new Exit(Exit.ERROR, "unknown shorthand flag: '" + arg.charAt(1) + "' in " + arg);
        }
        String rest = arg.substring(2);
        rest = rest.startsWith("=") ? rest.substring(1) : rest;
        if (!rest.isEmpty()) {
            values.put(name, rest);
            return i;
        }
        if (i + 1 >= args.size()) {
            throw new Exit(Exit.ERROR, "flag needs an argument: 'w' in -w");
        }
        values.put(name, args.get(i + 1));
        return i + 1;
    }

    boolean has(String flag) {
        return Boolean.parseBoolean(values.getOrDefault(flag, "false"));
    }

    String value(String flag, String otherwise) {
        return values.getOrDefault(flag, otherwise);
    }

    /** An int64 flag, refused in pflag's words when it does not parse. */
    long number(String flag) {
        String text = values.getOrDefault(flag, "0");
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new Exit(Exit.ERROR, "invalid argument \"" + text + "\" for \"--" + flag
                    + "\" flag: strconv.ParseInt: parsing \"" + text + "\": invalid syntax");
        }
    }
}
