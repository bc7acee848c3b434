package org.laymanlabs.sandbox.image.build;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How an instruction's arguments split into words. Mirrors buildkit
 * frontend/dockerfile/parser/line_parsers.go: JSON string arrays (exec form), whitespace-separated
 * words, and {@code name=value} words that keep their quotes until the step expands them.
 */
final class LineWords {

    private LineWords() {
    }

    static boolean isJsonArray(String rest) {
        return rest.startsWith("[") && parseJson(rest).isPresent();
    }

    static List<String> jsonArray(String rest) {
        return parseJson(rest).orElseThrow();
    }

    static List<String> whitespace(String rest) {
        String trimmed = rest.strip();
        return trimmed.isEmpty() ? List.of() : List.of(trimmed.split("\\s+"));
    }

    static List<String> jsonOrWhitespace(String rest) {
        return isJsonArray(rest) ? jsonArray(rest) : whitespace(rest);
    }

    /** ENV and LABEL: {@code a=1 b="two words"}, or the legacy {@code ENV name value with spaces}. */
    static List<Instruction.KeyValue> nameValues(String rest, String instruction, boolean env) {
        List<String> words = quotedWords(rest);
        if (words.isEmpty()) {
            throw new IllegalArgumentException(instruction + " requires at least one argument");
        }
        if (!words.get(0).contains("=")) {
            String[] parts = rest.strip().split("\\s+", 2);
            if (parts.length < 2) {
                throw new IllegalArgumentException(instruction + " must have two arguments");
            }
            return List.of(new Instruction.KeyValue(parts[0], parts[1]));
        }
        List<Instruction.KeyValue> pairs = new ArrayList<>();
        for (String word : words) {
            int eq = word.indexOf('=');
            if (eq < 0) {
                throw new IllegalArgumentException("Syntax error - can't find = in \"" + word
                        + "\". Must be of the form: name=value");
            }
            if (eq == 0) {
                throw new IllegalArgumentException(instruction + " names can not be blank");
            }
            pairs.add(new Instruction.KeyValue(word.substring(0, eq), word.substring(eq + 1)));
        }
        return pairs;
    }

    /** parseWords: whitespace splits words except inside quotes; quotes and escapes stay in the word. */
    static List<String> quotedWords(String rest) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        char quote = 0;
        for (int i = 0; i < rest.length(); i++) {
            char c = rest.charAt(i);
            if (quote == 0 && Character.isWhitespace(c)) {
                if (word.length() > 0) {
                    words.add(word.toString());
                    word.setLength(0);
                }
                continue;
            }
            if (c == '\\' && i + 1 < rest.length()) {
                word.append(c).append(rest.charAt(++i));
                continue;
            }
            if (quote == 0 && (c == '"' || c == '\'')) {
                quote = c;
            } else if (c == quote) {
                quote = 0;
            }
            word.append(c);
        }
        if (word.length() > 0) {
            words.add(word.toString());
        }
        return words;
    }

    /** A JSON array of strings, or empty if the text is anything else (then it is shell form). */
    private static Optional<List<String>> parseJson(String text) {
        List<String> values = new ArrayList<>();
        int[] at = {skip(text, 1)};
        if (at[0] < text.length() && text.charAt(at[0]) == ']') {
            return skip(text, at[0] + 1) == text.length() ? Optional.of(values) : Optional.empty();
        }
        while (at[0] < text.length()) {
            Optional<String> value = string(text, at);
            if (value.isEmpty()) {
                return Optional.empty();
            }
            values.add(value.get());
            int next = skip(text, at[0]);
            if (next >= text.length()) {
                return Optional.empty();
            }
            char c = text.charAt(next);
            if (c == ']') {
                return skip(text, next + 1) == text.length() ? Optional.of(values) : Optional.empty();
            }
            if (c != ',') {
                return Optional.empty();
            }
            at[0] = skip(text, next + 1);
        }
        return Optional.empty();
    }

    private static Optional<String> string(String text, int[] at) {
        if (at[0] >= text.length() || text.charAt(at[0]) != '"') {
            return Optional.empty();
        }
        StringBuilder out = new StringBuilder();
        for (int i = at[0] + 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                at[0] = i + 1;
                return Optional.of(out.toString());
            }
            if (c == '\\' && i + 1 < text.length()) {
                char e = text.charAt(++i);
                switch (e) {
                    case 'n' -> out.append('\n');
                    case 't' -> out.append('\t');
                    case 'u' -> {
                        if (i + 4 >= text.length()) {
                            return Optional.empty();
                        }
                        out.append((char) Integer.parseInt(text.substring(i + 1, i + 5), 16));
                        i += 4;
                    }
                    default -> out.append(e);
                }
            } else {
                out.append(c);
            }
        }
        return Optional.empty();
    }

    private static int skip(String text, int from) {
        int i = from;
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }
}
