package org.laymanlabs.sandbox.image.build;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a Dockerfile into instruction nodes. Mirrors buildkit frontend/dockerfile/parser/parser.go:
 * parser directives ({@code # escape=`}, {@code # syntax=…}) only at the very top, comment lines,
 * blank lines, and line continuations with the escape character (the next line is appended as it
 * is, leading blanks included, which is why "Step N/M" shows runs of spaces). Heredocs are not
 * supported.
 */
final class DockerfileParser {

    private static final Pattern DIRECTIVE = Pattern.compile("^#\\s*([a-zA-Z][a-zA-Z0-9]*)\\s*=\\s*(.+?)\\s*$");
    private static final Pattern FLAG = Pattern.compile("^--[a-zA-Z][a-zA-Z0-9-]*(=.*)?$");

    private DockerfileParser() {
    }

    /** The nodes and the escape character the file chose. */
    record Result(List<Node> nodes, char escape) {
    }

    static Result parse(String text) {
        String[] lines = text.replace("\r\n", "\n").split("\n", -1);
        char escape = '\\';
        int at = 0;
        for (; at < lines.length; at++) {
            Matcher directive = DIRECTIVE.matcher(lines[at].strip());
            if (!directive.matches()) {
                break;
            }
            if (directive.group(1).equalsIgnoreCase("escape")) {
                String token = directive.group(2);
                if (!token.equals("`") && !token.equals("\\")) {
                    throw new DockerfileParseException(0, "invalid escape token '" + token + "' does not match ` or \\");
                }
                escape = token.charAt(0);
            }
        }
        return new Result(nodes(lines, at, escape), escape);
    }

    private static List<Node> nodes(String[] lines, int from, char escape) {
        Pattern continuation = Pattern.compile(Pattern.quote(String.valueOf(escape)) + "[ \\t]*$");
        List<Node> nodes = new ArrayList<>();
        for (int i = from; i < lines.length; i++) {
            String line = lines[i];
            if (isBlankOrComment(line)) {
                continue;
            }
            int start = i + 1;
            StringBuilder joined = new StringBuilder();
            while (true) {
                Matcher more = continuation.matcher(line);
                if (!more.find()) {
                    joined.append(line);
                    break;
                }
                joined.append(line, 0, more.start());
                do {
                    i++;
                } while (i < lines.length && isBlankOrComment(lines[i]));
                if (i >= lines.length) {
                    break;
                }
                line = lines[i];
            }
            nodes.add(node(start, joined.toString().strip()));
        }
        return nodes;
    }

    private static boolean isBlankOrComment(String line) {
        String trimmed = line.stripLeading();
        return trimmed.isEmpty() || trimmed.startsWith("#");
    }

    private static Node node(int line, String original) {
        String[] split = original.split("\\s+", 2);
        String keyword = split[0].toLowerCase(Locale.ROOT);
        String rest = split.length > 1 ? split[1] : "";
        List<String> flags = new ArrayList<>();
        while (true) {
            String[] word = rest.split("\\s+", 2);
            if (!FLAG.matcher(word[0]).matches()) {
                break;
            }
            flags.add(word[0]);
            rest = word.length > 1 ? word[1] : "";
        }
        return new Node(line, keyword, flags, rest, original);
    }
}
