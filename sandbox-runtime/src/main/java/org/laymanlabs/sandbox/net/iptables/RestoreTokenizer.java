package org.laymanlabs.sandbox.net.iptables;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits an iptables-restore rule line into words as add_param_to_argv() in iptables/xshared.c
 * does: whitespace separates, double quotes group, and inside quotes a backslash escapes the
 * next character.
 */
final class RestoreTokenizer {

    private RestoreTokenizer() {
    }

    static List<String> words(String line) {
        List<String> words = new ArrayList<>();
        int n = line.length();
        int i = 0;
        while (i < n) {
            char c = line.charAt(i);
            if (c == ' ' || c == '\t') {
                i++;
                continue;
            }
            int start = i;
            while (i < n && (c = line.charAt(i)) != ' ' && c != '\t' && c != '"') {
                i++;
            }
            if (i < n && c == '"') {
                i = quotedWord(line, start, i, words);
            } else {
                words.add(line.substring(start, i));
            }
        }
        return words;
    }

    /**
     * A word with a double quote in it, read from its first character; the characters before
     * {@code quote} are plain. Adds the word and answers the index just after it.
     */
    private static int quotedWord(String line, int start, int quote, List<String> words) {
        StringBuilder word = new StringBuilder().append(line, start, quote);
        boolean quoted = false;
        boolean escaped = false;
        int i = quote;
        for (; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (escaped) {
                    word.append(c);
                    escaped = false;
                } else if (c == '\\') {
                    escaped = true;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    word.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ' ' || c == '\t') {
                break;
            } else {
                word.append(c);
            }
        }
        words.add(word.toString());
        return i;
    }
}
