package org.laymanlabs.sandbox.kube.kubectl;

/**
 * Mirrors mitchellh/go-wordwrap's WrapString (v1.0.1), which kubectl's term.NewWordWrapWriter
 * uses for {@code kubectl explain}: it breaks only at white space, keeps the text's own line
 * breaks, lets a word longer than the limit run past it, and drops the spaces where it breaks.
 */
final class WordWrap {

    private WordWrap() {
    }

    static String wrap(String text, int limit) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        StringBuilder word = new StringBuilder();
        StringBuilder space = new StringBuilder();
        int current = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                if (word.isEmpty()) {
                    if (current + space.length() <= limit) {
                        out.append(space);
                    }
                } else {
                    out.append(space).append(word);
                    word.setLength(0);
                }
                space.setLength(0);
                out.append(c);
                current = 0;
            } else if (Character.isWhitespace(c) && c != '\u00a0') {
                if (space.isEmpty() || !word.isEmpty()) {
                    current += space.length() + word.length();
                    out.append(space).append(word);
                    space.setLength(0);
                    word.setLength(0);
                }
                space.append(c);
            } else {
                word.append(c);
                if (current + space.length() + word.length() > limit && word.length() < limit) {
                    out.append('\n');
                    current = 0;
                    space.setLength(0);
                }
            }
        }
        if (word.isEmpty()) {
            if (current + space.length() <= limit) {
                out.append(space);
            }
        } else {
            out.append(space).append(word);
        }
        return out.toString();
    }

    /** The explain template's {@code indent}: pads the first line and every line after a break. */
    static String indent(String text, int amount) {
        String pad = " ".repeat(amount);
        return pad + text.replace("\n", "\n" + pad);
    }
}
