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
        StringBuilder word = new StringBuilder();
        boolean quoted = false;
        boolean escaped = false;
        boolean started = false;
        for (int i = 0; i < line.length(); i++) {
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
                started = true;
            } else if (c == ' ' || c == '\t') {
                if (started || word.length() > 0) {
                    words.add(word.toString());
                    word.setLength(0);
                    started = false;
                }
            } else {
                word.append(c);
            }
        }
        if (word.length() > 0 || started) {
            words.add(word.toString());
        }
        return words;
    }
}
