package org.laymanlabs.sandbox.docker;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a Go template into text and {@code {{…}}} actions, applying {@code {{-} and {@code -}}}
 * trim markers, and an action into words. Mirrors the parts of text/template/parse/lex.go that
 * {@code --format} strings use.
 */
final class TemplateLexer {

    /** An action's inner text and its byte offset in the template. */
    record ActionText(String text, int position) {
    }

    /** A word of an action: a field, literal, identifier, {@code |}, or a parenthesized group. */
    record Word(String text, int position) {
    }

    private TemplateLexer() {
    }

    /** Text pieces (String) and actions (ActionText), in order. */
    static List<Object> split(String source) throws TemplateException {
        List<Object> out = new ArrayList<>();
        int at = 0;
        boolean trimNext = false;
        while (at < source.length()) {
            int open = source.indexOf("{{", at);
            String text = open < 0 ? source.substring(at) : source.substring(at, open);
            if (trimNext) {
                text = text.stripLeading();
            }
            if (open < 0) {
                addText(out, text);
                break;
            }
            boolean trimLeft = source.startsWith("{{- ", open);
            int close = source.indexOf("}}", open + 2);
            if (close < 0) {
                throw new TemplateException("template: :1: unclosed action");
            }
            boolean trimRight = close - 2 >= open + 2 && source.startsWith(" -", close - 2);
            addText(out, trimLeft ? text.stripTrailing() : text);
            int start = open + 2 + (trimLeft ? 2 : 0);
            int end = close - (trimRight ? 2 : 0);
            out.add(new ActionText(source.substring(start, Math.max(start, end)), start));
            trimNext = trimRight;
            at = close + 2;
        }
        return out;
    }

    private static void addText(List<Object> out, String text) {
        if (!text.isEmpty()) {
            out.add(text);
        }
    }

    static List<Word> words(ActionText action) throws TemplateException {
        List<Word> words = new ArrayList<>();
        String s = action.text();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            int start = i;
            if (c == '"' || c == '`') {
                i = endOfString(s, i);
            } else if (c == '(') {
                i = endOfGroup(s, i);
            } else if (c == '|') {
                i++;
            } else {
                while (i < s.length() && !Character.isWhitespace(s.charAt(i)) && "|()\"`".indexOf(s.charAt(i)) < 0) {
                    i++;
                }
            }
            words.add(new Word(s.substring(start, i), action.position() + start));
        }
        return words;
    }

    private static int endOfString(String s, int from) throws TemplateException {
        char quote = s.charAt(from);
        for (int i = from + 1; i < s.length(); i++) {
            if (quote == '"' && s.charAt(i) == '\\') {
                i++;
            } else if (s.charAt(i) == quote) {
                return i + 1;
            }
        }
        throw new TemplateException("template: :1: unterminated quoted string");
    }

    private static int endOfGroup(String s, int from) throws TemplateException {
        int depth = 0;
        for (int i = from; i < s.length(); i++) {
            if (s.charAt(i) == '(') {
                depth++;
            } else if (s.charAt(i) == ')' && --depth == 0) {
                return i + 1;
            }
        }
        throw new TemplateException("template: :1: unclosed left paren");
    }

    /** A Go string literal's value: {@code "a\tb"} or a raw {@code `…`}. */
    static String unquote(String literal) {
        String body = literal.substring(1, literal.length() - 1);
        if (literal.startsWith("`")) {
            return body;
        }
        return body.replace("\\t", "\t").replace("\\n", "\n").replace("\\\"", "\"").replace("\\\\", "\\");
    }
}
