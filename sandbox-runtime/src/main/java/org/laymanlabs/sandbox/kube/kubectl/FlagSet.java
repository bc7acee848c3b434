package org.laymanlabs.sandbox.kube.kubectl;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Mirrors spf13/pflag as cobra drives it for kubectl: {@code --name=value}, {@code --name value},
 * {@code -n value}, {@code -nvalue}, grouped booleans, flags anywhere among the arguments,
 * {@code --} to end them, and kubectl's persistent global flags on every command. Errors keep
 * pflag's words; kubectl adds {@code See 'kubectl get --help' for usage.}.
 */
final class FlagSet {

    /** kubectl's global flags that a sandbox command accepts (the kubeconfig ones are ignored). */
    static final List<Flag> GLOBAL = List.of(Flag.string("namespace", 'n', ""), Flag.string("context"),
            Flag.string("kubeconfig"), Flag.string("cluster"), Flag.string("user"), Flag.string("server", 's', ""),
            Flag.string("request-timeout", '\0', "0"), Flag.string("v", 'v', "0"), Flag.bool("insecure-skip-tls-verify", '\0'));

    private final List<Flag> flags;
    private final String commandPath;

    FlagSet(String commandPath, List<Flag> own) {
        this.commandPath = commandPath;
        this.flags = Stream.concat(own.stream(), GLOBAL.stream()).toList();
    }

    /** The parsed command line: flag values by long name, and the positional arguments. */
    record Parsed(Map<String, String> values, Map<String, List<String>> arrays, Set<String> changed, List<String> args,
                  boolean help, int argsLenAtDash) {

        boolean bool(String name) {
            return Boolean.parseBoolean(values.getOrDefault(name, "false"));
        }

        String string(String name) {
            return values.getOrDefault(name, "");
        }

        int integer(String name) {
            return Integer.parseInt(values.get(name));
        }

        List<String> array(String name) {
            return arrays.getOrDefault(name, List.of());
        }

        boolean changed(String name) {
            return changed.contains(name);
        }
    }

    Parsed parse(List<String> tokens) {
        Map<String, String> values = new HashMap<>();
        Map<String, List<String>> arrays = new HashMap<>();
        Set<String> changed = new HashSet<>();
        flags.forEach(f -> values.put(f.name(), f.defaultValue()));
        List<String> args = new ArrayList<>();
        boolean help = false;
        int argsLenAtDash = -1;
        for (int i = 0; i < tokens.size(); i++) {
            String token = tokens.get(i);
            if (token.equals("--")) {
                // cobra's ArgsLenAtDash: how many positional arguments came before the dash.
                argsLenAtDash = args.size();
                args.addAll(tokens.subList(i + 1, tokens.size()));
                break;
            } else if (token.equals("--help") || token.equals("-h")) {
                help = true;
            } else if (token.startsWith("--")) {
                String body = token.substring(2);
                int eq = body.indexOf('=');
                String name = eq >= 0 ? body.substring(0, eq) : body;
                Flag flag = byName(name).orElseThrow(() -> fail("unknown flag: --" + name));
                String value;
                if (eq >= 0) {
                    value = body.substring(eq + 1);
                } else if (flag.kind() == Flag.Kind.BOOL) {
                    value = "true";
                } else if (flag.kind() == Flag.Kind.OPTIONAL_STRING) {
                    value = flag.defaultValue();
                } else if (i + 1 < tokens.size()) {
                    value = tokens.get(++i);
                } else {
                    throw fail("flag needs an argument: --" + name);
                }
                set(flag, value, values, arrays, changed);
            } else if (token.startsWith("-") && token.length() > 1) {
                i = shorthands(token, tokens, i, values, arrays, changed);
            } else {
                args.add(token);
            }
        }
        return new Parsed(values, arrays, changed, args, help, argsLenAtDash);
    }

    private int shorthands(String token, List<String> tokens, int i, Map<String, String> values,
                           Map<String, List<String>> arrays, Set<String> changed) {
        String letters = token.substring(1);
        for (int j = 0; j < letters.length(); j++) {
            char c = letters.charAt(j);
            Flag flag = byShorthand(c).orElseThrow(() -> fail("unknown shorthand flag: '" + c + "' in -" + letters));
            String rest = letters.substring(j + 1);
            if (flag.kind() == Flag.Kind.BOOL) {
                if (rest.startsWith("=")) {
                    set(flag, rest.substring(1), values, arrays, changed);
                    return i;
                }
                set(flag, "true", values, arrays, changed);
                continue;
            }
            if (!rest.isEmpty()) {
                set(flag, rest.startsWith("=") ? rest.substring(1) : rest, values, arrays, changed);
                return i;
            }
            if (i + 1 >= tokens.size()) {
                throw fail("flag needs an argument: '" + c + "' in -" + c);
            }
            set(flag, tokens.get(i + 1), values, arrays, changed);
            return i + 1;
        }
        return i;
    }

    private void set(Flag flag, String value, Map<String, String> values, Map<String, List<String>> arrays, Set<String> changed) {
        switch (flag.kind()) {
            case BOOL -> {
                if (!value.matches("1|0|t|f|T|F|true|false|TRUE|FALSE|True|False")) {
                    throw fail("invalid argument \"" + value + "\" for \"" + flag.displayName()
                            + "\" flag: strconv.ParseBool: parsing \"" + value + "\": invalid syntax");
                }
                value = Boolean.toString(value.matches("1|t|T|true|TRUE|True"));
            }
            case INT -> {
                try {
                    Integer.parseInt(value);
                } catch (NumberFormatException e) {
                    throw fail("invalid argument \"" + value + "\" for \"" + flag.displayName()
                            + "\" flag: strconv.ParseInt: parsing \"" + value + "\": "
                            + (value.matches("[+-]?[0-9]+") ? "value out of range" : "invalid syntax"));
                }
            }
            case STRING_ARRAY -> arrays.computeIfAbsent(flag.name(), n -> new ArrayList<>()).add(value);
            default -> {
            }
        }
        values.put(flag.name(), value);
        changed.add(flag.name());
    }

    private KubectlException fail(String message) {
        return KubectlException.usage(message, commandPath);
    }

    private Optional<Flag> byName(String name) {
        return flags.stream().filter(f -> f.name().equals(name)).findFirst();
    }

    private Optional<Flag> byShorthand(char c) {
        return flags.stream().filter(f -> f.shorthand() == c).findFirst();
    }
}
