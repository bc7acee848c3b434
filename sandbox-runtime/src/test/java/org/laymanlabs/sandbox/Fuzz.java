package org.laymanlabs.sandbox;

import static org.assertj.core.api.Assertions.fail;

import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * What a careless or hostile learner types or pastes, for the fuzz tests of every parser a
 * learner reaches: real inputs mangled by a few edits (the near misses that reach deep into a
 * parser), and noise made of the characters that mean something to shells, YAML and iptables.
 * Every run draws the same cases from a fixed seed, so a failure names the case that reproduces it.
 */
public final class Fuzz {

    /** The seed of every fuzz run; change it to explore, keep it fixed to reproduce. */
    public static final long SEED = 20261126L;

    /** Pieces that change meaning somewhere: quoting, expansion, structure, numbers at the edges. */
    private static final List<String> TOKENS = List.of("\t", "\\", "'", "\"", "{", "}", "[", "]", "(", ")", ":", ": ",
            "-", "--", "=", ",", "!", "#", "&", "&&", "|", "||", ";", ">", "<", ">>", "*", "?", "~", "$", "${", "$(", "`",
            "\n", "\r\n", "  ", "\u0000", "\u00e9", "\ud83d\udca5", "0", "-1", "65536", "999999999999999999999", "1e309",
            "null", "true", "&anchor", "*anchor", "!!binary", "---", "...", "- ", "  - ", "/", "..", "%", "@",
            "0x", "1.2.3.4", "300.1.1.1", "10.0.0.0/33", "ffff", "\u202e");

    private Fuzz() {
    }

    /**
     * Runs {@code check} on {@code cases} inputs drawn by {@code generator} from the fixed seed.
     * An exception that escapes {@code check} fails the test, naming the case and its input.
     */
    public static void run(int cases, Function<SplittableRandom, String> generator, Consumer<String> check) {
        SplittableRandom random = new SplittableRandom(SEED);
        for (int i = 0; i < cases; i++) {
            String input = generator.apply(random);
            try {
                check.accept(input);
            } catch (AssertionError | RuntimeException e) {
                AssertionError failure = new AssertionError("fuzz case " + i + " (seed " + SEED + ") failed on input:\n"
                        + visible(input) + "\n" + e, e);
                fail(failure.getMessage(), failure);
            }
        }
    }

    /** A sample with one to four random edits, or (one time in five) noise. */
    public static Function<SplittableRandom, String> mutationsOf(List<String> samples) {
        return random -> random.nextInt(5) == 0 ? noise(random) : mutate(samples.get(random.nextInt(samples.size())), random);
    }

    /** A string made only of meaningful characters and short words. */
    public static String noise(SplittableRandom random) {
        StringBuilder text = new StringBuilder();
        int parts = random.nextInt(25);
        for (int i = 0; i < parts; i++) {
            if (random.nextBoolean()) {
                text.append(TOKENS.get(random.nextInt(TOKENS.size())));
            } else {
                int length = 1 + random.nextInt(8);
                for (int c = 0; c < length; c++) {
                    text.append((char) ('a' + random.nextInt(26)));
                }
            }
        }
        return text.toString();
    }

    static String mutate(String sample, SplittableRandom random) {
        StringBuilder text = new StringBuilder(sample);
        int edits = 1 + random.nextInt(4);
        for (int i = 0; i < edits; i++) {
            int at = random.nextInt(text.length() + 1);
            switch (random.nextInt(6)) {
                case 0 -> text.insert(at, TOKENS.get(random.nextInt(TOKENS.size())));
                case 1 -> text.delete(at, Math.min(text.length(), at + 1 + random.nextInt(12)));
                case 2 -> {
                    if (at < text.length()) {
                        text.setCharAt(at, (char) (32 + random.nextInt(95)));
                    }
                }
                case 3 -> {
                    int end = Math.min(text.length(), at + random.nextInt(40));
                    text.insert(end, text.substring(at, end));
                }
                case 4 -> text.setLength(at);
                default -> swapLines(text, random);
            }
        }
        return text.toString();
    }

    private static void swapLines(StringBuilder text, SplittableRandom random) {
        String[] lines = text.toString().split("\n", -1);
        if (lines.length > 1) {
            int a = random.nextInt(lines.length);
            int b = random.nextInt(lines.length);
            String swap = lines[a];
            lines[a] = lines[b];
            lines[b] = swap;
            text.setLength(0);
            text.append(String.join("\n", lines));
        }
    }

    private static String visible(String input) {
        return input.replace("\u0000", "\\0").replace("\r", "\\r");
    }
}
