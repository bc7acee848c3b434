package org.laymanlabs.sandbox.image.build;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Types a parsed node. Mirrors buildkit frontend/dockerfile/instructions/parse.go and the line
 * parsers of parser/line_parsers.go, with their error wording: "unknown instruction: RUNN (did you
 * mean RUN?)", "FROM requires either one or three arguments", "unknown flag: frm"…
 */
final class InstructionParser {

    private static final List<String> NAMES = List.of("add", "arg", "cmd", "copy", "entrypoint", "env", "expose",
            "from", "healthcheck", "label", "maintainer", "onbuild", "run", "shell", "stopsignal", "user", "volume",
            "workdir");

    private InstructionParser() {
    }

    static Instruction parse(Node node) {
        try {
            return typed(node);
        } catch (IllegalArgumentException e) {
            throw new DockerfileParseException(node.startLine(), e.getMessage());
        }
    }

    private static Instruction typed(Node node) {
        int line = node.startLine();
        String src = node.original();
        String rest = node.rest().strip();
        return switch (node.keyword()) {
            case "from" -> from(node, rest);
            case "run" -> noFlags(node, new Instruction.Run(line, src, command(rest), !LineWords.isJsonArray(rest)));
            case "cmd" -> noFlags(node, new Instruction.Cmd(line, src, command(rest), !LineWords.isJsonArray(rest)));
            case "entrypoint" -> noFlags(node,
                    new Instruction.Entrypoint(line, src, command(rest), !LineWords.isJsonArray(rest)));
            case "copy", "add" -> copy(node, rest);
            case "env" -> noFlags(node, new Instruction.Env(line, src, LineWords.nameValues(rest, "ENV", true)));
            case "label" -> noFlags(node, new Instruction.Label(line, src, LineWords.nameValues(rest, "LABEL", false)));
            case "arg" -> arg(node, rest);
            case "workdir" -> noFlags(node, new Instruction.Workdir(line, src, exactlyOne(rest, "WORKDIR")));
            case "user" -> noFlags(node, new Instruction.User(line, src, exactlyOne(rest, "USER")));
            case "stopsignal" -> noFlags(node, new Instruction.StopSignal(line, src, exactlyOne(rest, "STOPSIGNAL")));
            case "maintainer" -> noFlags(node, new Instruction.Maintainer(line, src, exactlyOne(rest, "MAINTAINER")));
            case "expose" -> noFlags(node, new Instruction.Expose(line, src, atLeastOne(LineWords.whitespace(rest), "EXPOSE")));
            case "volume" -> noFlags(node, new Instruction.Volume(line, src, atLeastOne(LineWords.jsonOrWhitespace(rest), "VOLUME")));
            case "shell" -> noFlags(node, new Instruction.Shell(line, src, shell(rest)));
            case "healthcheck" -> healthcheck(node, rest);
            case "onbuild" -> onbuild(node, rest);
            default -> throw new IllegalArgumentException(unknown(node.original().split("\\s+", 2)[0]));
        };
    }

    private static Instruction from(Node node, String rest) {
        Map<String, String> flags = flags(node, Set.of("platform"));
        if (flags.containsKey("platform")) {
            throw new IllegalArgumentException("FROM --platform is not available in this sandbox: every image here is"
                    + " linux/amd64, so remove --platform=" + flags.get("platform"));
        }
        List<String> args = LineWords.whitespace(rest);
        String stage = "";
        if (args.size() == 3 && args.get(1).equalsIgnoreCase("as")) {
            stage = args.get(2).toLowerCase(Locale.ROOT);
            if (!stage.matches("[a-z][a-z0-9-_.]*")) {
                throw new IllegalArgumentException("invalid name for build stage: \"" + args.get(2)
                        + "\", name can't start with a number or contain symbols");
            }
        } else if (args.size() != 1) {
            throw new IllegalArgumentException("FROM requires either one or three arguments");
        }
        return new Instruction.From(node.startLine(), node.original(), args.get(0), stage);
    }

    private static Instruction copy(Node node, String rest) {
        boolean add = node.keyword().equals("add");
        String name = add ? "ADD" : "COPY";
        Map<String, String> flags = flags(node, add ? Set.of("chown", "chmod", "link", "keep-git-dir", "checksum")
                : Set.of("chown", "from", "chmod", "link"));
        List<String> args = LineWords.jsonOrWhitespace(rest);
        if (args.size() < 2) {
            throw new IllegalArgumentException(name + " requires at least two arguments, but only one was provided."
                    + " Destination could not be determined.");
        }
        return new Instruction.Copy(node.startLine(), node.original(), add, args.subList(0, args.size() - 1),
                args.get(args.size() - 1), flags.getOrDefault("from", ""), flags.getOrDefault("chown", ""),
                flags.getOrDefault("chmod", ""));
    }

    private static Instruction arg(Node node, String rest) {
        noFlags(node, null);
        List<String> words = LineWords.whitespace(rest);
        if (words.size() != 1) {
            throw new IllegalArgumentException(words.isEmpty() ? "ARG requires at least one argument"
                    : "ARG requires exactly one argument");
        }
        String word = words.get(0);
        int eq = word.indexOf('=');
        return eq < 0 ? new Instruction.Arg(node.startLine(), node.original(), word, null)
                : new Instruction.Arg(node.startLine(), node.original(), word.substring(0, eq),
                        word.substring(eq + 1));
    }

    private static Instruction healthcheck(Node node, String rest) {
        flags(node, Set.of("interval", "timeout", "start-period", "start-interval", "retries"));
        List<String> words = LineWords.whitespace(rest);
        if (words.isEmpty()) {
            throw new IllegalArgumentException("HEALTHCHECK requires at least one argument");
        }
        String type = words.get(0).toUpperCase(Locale.ROOT);
        String after = rest.substring(words.get(0).length()).strip();
        if (type.equals("NONE")) {
            if (!after.isEmpty()) {
                throw new IllegalArgumentException("HEALTHCHECK NONE takes no arguments");
            }
            return new Instruction.Healthcheck(node.startLine(), node.original(), List.of("NONE"));
        }
        if (!type.equals("CMD")) {
            throw new IllegalArgumentException("Unknown type \"" + type + "\" in HEALTHCHECK (try CMD)");
        }
        List<String> test = new ArrayList<>(List.of(LineWords.isJsonArray(after) ? "CMD" : "CMD-SHELL"));
        test.addAll(command(after));
        return new Instruction.Healthcheck(node.startLine(), node.original(), test);
    }

    private static Instruction onbuild(Node node, String rest) {
        String trigger = rest.split("\\s+", 2)[0].toUpperCase(Locale.ROOT);
        if (trigger.isEmpty()) {
            throw new IllegalArgumentException("ONBUILD requires at least one argument");
        }
        if (trigger.equals("ONBUILD")) {
            throw new IllegalArgumentException("Chaining ONBUILD via `ONBUILD ONBUILD` isn't allowed");
        }
        if (trigger.equals("FROM") || trigger.equals("MAINTAINER")) {
            throw new IllegalArgumentException(trigger + " isn't allowed as an ONBUILD trigger");
        }
        return new Instruction.Onbuild(node.startLine(), node.original(), rest);
    }

    private static List<String> command(String rest) {
        return LineWords.isJsonArray(rest) ? LineWords.jsonArray(rest) : rest.isEmpty() ? List.of() : List.of(rest);
    }

    private static List<String> shell(String rest) {
        if (!LineWords.isJsonArray(rest)) {
            throw new IllegalArgumentException("SHELL requires the arguments to be in JSON form");
        }
        return atLeastOne(LineWords.jsonArray(rest), "SHELL");
    }

    private static String exactlyOne(String rest, String name) {
        if (rest.isEmpty()) {
            throw new IllegalArgumentException(name + " requires exactly one argument");
        }
        return rest;
    }

    private static List<String> atLeastOne(List<String> args, String name) {
        if (args.isEmpty()) {
            throw new IllegalArgumentException(name + " requires at least one argument");
        }
        return args;
    }

    private static <T> T noFlags(Node node, T instruction) {
        flags(node, Set.of());
        return instruction;
    }

    /** Mirrors instructions/bflag.go: {@code --name=value} flags, only the ones the instruction knows. */
    private static Map<String, String> flags(Node node, Set<String> known) {
        Map<String, String> values = new HashMap<>();
        for (String flag : node.flags()) {
            String body = flag.substring(2);
            int eq = body.indexOf('=');
            String name = eq < 0 ? body : body.substring(0, eq);
            if (!known.contains(name)) {
                throw new IllegalArgumentException("unknown flag: " + name);
            }
            values.put(name, eq < 0 ? "true" : body.substring(eq + 1));
        }
        return values;
    }

    /** buildkit util/suggest: the nearest instruction name within an edit distance of 2, in the typed case. */
    private static String unknown(String typed) {
        String lower = typed.toLowerCase(Locale.ROOT);
        String match = null;
        int best = 3;
        for (String name : NAMES) {
            int distance = levenshtein(lower, name);
            if (distance < best) {
                best = distance;
                match = name;
            }
        }
        String message = "unknown instruction: " + typed;
        if (match == null) {
            return message;
        }
        String cased = typed.equals(lower) ? match : typed.equals(typed.toUpperCase(Locale.ROOT))
                ? match.toUpperCase(Locale.ROOT) : match;
        return message + " (did you mean " + cased + "?)";
    }

    private static int levenshtein(String a, String b) {
        int[] previous = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            int[] current = new int[b.length() + 1];
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            previous = current;
        }
        return previous[b.length()];
    }
}
