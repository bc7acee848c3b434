package org.laymanlabs.sandbox.net.iptables;

import java.util.ArrayList;
import java.util.List;

/**
 * The argument vector as getopt_long would walk it: bundled short options ({@code -nvL}) are
 * split, {@code --opt=value} becomes two words, and a value is taken from the next word.
 */
final class Arguments {

    /** Short options that take a value, from iptables' optstring "-:A:C:D:R:I:L::S::M:F::Z::N:X::E:P:…". */
    private static final String WITH_VALUE = "ACDRIMNEPopsdjitmcg";

    private final List<String> words;
    private int position;

    Arguments(List<String> raw) {
        this.words = expand(raw);
    }

    boolean hasNext() {
        return position < words.size();
    }

    String next() {
        return words.get(position++);
    }

    /** A required value: the next word, whatever it looks like, as getopt takes it. */
    String value(String option) {
        if (!hasNext()) {
            throw IptablesError.parameter("option \"" + option + "\" requires an argument");
        }
        return next();
    }

    /** xs_has_arg(): an optional value is present when the next word starts with neither '-' nor '!'. */
    boolean hasOptionalValue() {
        return hasNext() && !words.get(position).startsWith("-") && !words.get(position).startsWith("!");
    }

    private static List<String> expand(List<String> raw) {
        List<String> out = new ArrayList<>();
        for (String word : raw) {
            if (word.startsWith("--") && word.contains("=")) {
                out.add(word.substring(0, word.indexOf('=')));
                out.add(word.substring(word.indexOf('=') + 1));
            } else if (word.startsWith("-") && !word.startsWith("--") && word.length() > 2) {
                splitBundle(word, out);
            } else {
                out.add(word);
            }
        }
        return out;
    }

    private static void splitBundle(String word, List<String> out) {
        for (int i = 1; i < word.length(); i++) {
            char option = word.charAt(i);
            out.add("-" + option);
            if (WITH_VALUE.indexOf(option) >= 0 && i + 1 < word.length()) {
                out.add(word.substring(i + 1));
                return;
            }
        }
    }
}
