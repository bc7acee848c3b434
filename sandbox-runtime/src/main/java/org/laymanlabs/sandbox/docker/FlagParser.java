package org.laymanlabs.sandbox.docker;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Parses a command's flags the way spf13/pflag does: {@code --name}, {@code --name=value},
 * {@code --name value}, {@code -q}, grouped {@code -aq}, {@code -fvalue}, flags anywhere among the
 * arguments, and {@code --} to end them. Errors keep pflag's wording ("unknown flag: --bogus").
 */
final class FlagParser {

    private static final Set<String> LIST_TYPES = Set.of("filter", "list", "stringSlice", "strings");

    private final List<Flag> flags;

    FlagParser(List<Flag> flags) {
        this.flags = flags;
    }

    /** Thrown with pflag's message for a bad flag. */
    static final class FlagError extends Exception {
        FlagError(String message) {
            super(message);
        }
    }

    /** A parse result, or that {@code --help} was asked for. */
    record Result(ParsedArgs parsed, boolean help) {
    }

    Result parse(List<String> tokens) throws FlagError {
        Map<String, String> values = new HashMap<>();
        Map<String, List<String>> repeated = new LinkedHashMap<>();
        flags.forEach(f -> values.put(f.name(), f.defaultValue()));
        List<String> args = new ArrayList<>();
        boolean help = false;
        for (int i = 0; i < tokens.size(); i++) {
            String token = tokens.get(i);
            if (token.equals("--")) {
                args.addAll(tokens.subList(i + 1, tokens.size()));
                break;
            } else if (token.equals("--help") || token.equals("-h")) {
                help = true;
            } else if (token.startsWith("--")) {
                i = longFlag(token, tokens, i, values, repeated);
            } else if (token.startsWith("-") && token.length() > 1) {
                i = shortFlags(token, tokens, i, values, repeated);
            } else {
                args.add(token);
            }
        }
        return new Result(new ParsedArgs(values, repeated, args), help);
    }

    private int longFlag(String token, List<String> tokens, int i, Map<String, String> values,
                         Map<String, List<String>> repeated) throws FlagError {
        String body = token.substring(2);
        int eq = body.indexOf('=');
        String name = eq >= 0 ? body.substring(0, eq) : body;
        Flag flag = byName(name).orElseThrow(() -> new FlagError("unknown flag: --" + name));
        if (flag.isBool()) {
            set(flag, eq >= 0 ? body.substring(eq + 1) : "true", values, repeated);
            return i;
        }
        if (eq >= 0) {
            set(flag, body.substring(eq + 1), values, repeated);
            return i;
        }
        if (i + 1 >= tokens.size()) {
            throw new FlagError("flag needs an argument: --" + name);
        }
        set(flag, tokens.get(i + 1), values, repeated);
        return i + 1;
    }

    private int shortFlags(String token, List<String> tokens, int i, Map<String, String> values,
                           Map<String, List<String>> repeated) throws FlagError {
        String letters = token.substring(1);
        for (int j = 0; j < letters.length(); j++) {
            char c = letters.charAt(j);
            if (c == 'h') {
                continue;
            }
            Flag flag = byShorthand(c).orElseThrow(() ->
                    new FlagError("unknown shorthand flag: '" + c + "' in -" + letters));
            if (flag.isBool()) {
                boolean hasValue = j + 1 < letters.length() && letters.charAt(j + 1) == '=';
                set(flag, hasValue ? letters.substring(j + 2) : "true", values, repeated);
                if (hasValue) {
                    return i;
                }
                continue;
            }
            String rest = letters.substring(j + 1);
            if (!rest.isEmpty()) {
                set(flag, rest.startsWith("=") ? rest.substring(1) : rest, values, repeated);
                return i;
            }
            if (i + 1 >= tokens.size()) {
                throw new FlagError("flag needs an argument: '" + c + "' in -" + c);
            }
            set(flag, tokens.get(i + 1), values, repeated);
            return i + 1;
        }
        return i;
    }

    private static void set(Flag flag, String value, Map<String, String> values, Map<String, List<String>> repeated)
            throws FlagError {
        if (flag.isBool() && !value.matches("1|0|t|f|T|F|true|false|TRUE|FALSE|True|False")) {
            throw new FlagError("invalid argument \"" + value + "\" for \"" + flag.displayName()
                    + "\" flag: strconv.ParseBool: parsing \"" + value + "\": invalid syntax");
        }
        String normalized = flag.isBool() ? Boolean.toString(value.matches("1|t|T|true|TRUE|True")) : value;
        values.put(flag.name(), normalized);
        if (!flag.isBool() && LIST_TYPES.contains(flag.valueName())) {
            repeated.computeIfAbsent(flag.name(), n -> new ArrayList<>()).add(value);
        }
    }

    private Optional<Flag> byName(String name) {
        return flags.stream().filter(f -> f.name().equals(name)).findFirst();
    }

    private Optional<Flag> byShorthand(char c) {
        return flags.stream().filter(f -> f.shorthand() == c).findFirst();
    }
}
