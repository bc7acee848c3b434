package org.laymanlabs.sandbox.image.build;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Variable substitution in the instructions Docker expands itself (FROM, COPY, ADD, ENV, LABEL,
 * WORKDIR, EXPOSE, USER, VOLUME, STOPSIGNAL, ARG). Mirrors buildkit
 * frontend/dockerfile/shell/lex.go (ProcessWord, ProcessWords): {@code $VAR}, {@code ${VAR}},
 * {@code ${VAR:-default}}, {@code ${VAR-default}}, {@code ${VAR:+alt}}, {@code ${VAR:?message}},
 * single quotes literal, double quotes expanding, the escape character quoting one character.
 */
final class ShellLex {

    private final char escape;

    ShellLex(char escape) {
        this.escape = escape;
    }

    /** The expanded word with its quotes removed. */
    String processWord(String word, Function<String, String> env) {
        return process(word, env, false).get(0);
    }

    /** Expansion then splitting on unquoted blanks, as EXPOSE does ({@code EXPOSE $PORTS}). */
    List<String> processWords(String word, Function<String, String> env) {
        return process(word, env, true);
    }

    private List<String> process(String word, Function<String, String> env, boolean split) {
        List<String> words = new ArrayList<>();
        StringBuilder out = new StringBuilder();
        boolean any = false;
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (c == '\'') {
                int end = word.indexOf('\'', i + 1);
                if (end < 0) {
                    throw failure(word, "unexpected end of statement while looking for matching single-quote");
                }
                out.append(word, i + 1, end);
                any = true;
                i = end;
            } else if (c == '"') {
                i = doubleQuoted(word, i + 1, env, out);
                any = true;
            } else if (c == escape && i + 1 < word.length()) {
                out.append(word.charAt(++i));
                any = true;
            } else if (c == '$') {
                String value = dollar(word, i, env);
                i = lastIndex;
                if (split) {
                    String[] parts = value.split("\\s+", -1);
                    for (int p = 0; p < parts.length - 1; p++) {
                        out.append(parts[p]);
                        flush(words, out, true);
                    }
                    out.append(parts[parts.length - 1]);
                } else {
                    out.append(value);
                }
                any = any || !value.isEmpty();
            } else if (split && Character.isWhitespace(c)) {
                flush(words, out, any);
                any = false;
            } else {
                out.append(c);
                any = true;
            }
        }
        flush(words, out, any || !split);
        return words.isEmpty() && !split ? List.of("") : words;
    }

    private static void flush(List<String> words, StringBuilder out, boolean keep) {
        if (keep || out.length() > 0) {
            words.add(out.toString());
        }
        out.setLength(0);
    }

    private int lastIndex;

    private int doubleQuoted(String word, int from, Function<String, String> env, StringBuilder out) {
        for (int i = from; i < word.length(); i++) {
            char c = word.charAt(i);
            if (c == '"') {
                return i;
            }
            if (c == escape && i + 1 < word.length() && "\"$`\\".indexOf(word.charAt(i + 1)) >= 0) {
                out.append(word.charAt(++i));
            } else if (c == '$') {
                out.append(dollar(word, i, env));
                i = lastIndex;
            } else {
                out.append(c);
            }
        }
        throw failure(word, "unexpected end of statement while looking for matching double-quote");
    }

    /** Expands the parameter at {@code word[at] == '$'}; leaves the index of its last character in lastIndex. */
    private String dollar(String word, int at, Function<String, String> env) {
        if (at + 1 >= word.length()) {
            lastIndex = at;
            return "$";
        }
        char next = word.charAt(at + 1);
        if (next == '{') {
            return braced(word, at + 2, env);
        }
        int end = at + 1;
        while (end < word.length() && (Character.isLetterOrDigit(word.charAt(end)) || word.charAt(end) == '_')) {
            end++;
        }
        if (end == at + 1) {
            lastIndex = at;
            return "$";
        }
        lastIndex = end - 1;
        String value = env.apply(word.substring(at + 1, end));
        return value == null ? "" : value;
    }

    private String braced(String word, int from, Function<String, String> env) {
        int close = word.indexOf('}', from);
        if (close < 0) {
            throw failure(word, "missing '}'");
        }
        lastIndex = close;
        String inside = word.substring(from, close);
        int op = 0;
        while (op < inside.length() && (Character.isLetterOrDigit(inside.charAt(op)) || inside.charAt(op) == '_')) {
            op++;
        }
        String name = inside.substring(0, op);
        String value = env.apply(name);
        if (op == inside.length()) {
            return value == null ? "" : value;
        }
        boolean colon = inside.charAt(op) == ':';
        String modifier = inside.substring(colon ? op + 1 : op);
        if (modifier.isEmpty()) {
            throw failure(word, "missing ':' in substitution");
        }
        boolean set = value != null && (!colon || !value.isEmpty());
        String rest = processWord(modifier.substring(1), env);
        return switch (modifier.charAt(0)) {
            case '-' -> set ? value : rest;
            case '+' -> set ? rest : "";
            case '?' -> {
                if (!set) {
                    throw failure(word, name + ": " + (rest.isEmpty() ? "is not allowed to be unset" : rest));
                }
                yield value;
            }
            default -> throw failure(word, "unsupported modifier (" + modifier.charAt(0) + ") in substitution");
        };
    }

    private static BuildFailure failure(String word, String reason) {
        return BuildFailure.of("failed to process \"" + word + "\": " + reason);
    }
}
