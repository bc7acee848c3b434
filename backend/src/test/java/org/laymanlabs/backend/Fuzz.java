package org.laymanlabs.backend;

import static org.assertj.core.api.Assertions.fail;

import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * The backend's side of sandbox-runtime's seeded fuzzing (org.laymanlabs.sandbox.Fuzz, which
 * the backend cannot see: a test-jar does not resolve in the reactor's test phase): real inputs
 * mangled by a few edits, drawn from the same fixed seed, so that a failure names the case that
 * reproduces it. Plain JUnit on purpose; docs/security.md says why not jqwik.
 */
public final class Fuzz {

    public static final long SEED = 20261126L;

    private static final List<String> TOKENS = List.of("\t", "\\", "'", "\"", "{", "}", "[", "]", ":", ": ", "-", "- ",
            "  - ", ",", "#", "&anchor", "*anchor", "!!binary", "---", "\n", "\r\n", "  ", "\u0000", "\u00e9",
            "\ud83d\udca5", "0", "-1", "1e309", "999999999999999999999", "null", "true", "[]", "{}", "\"\"", "${", "\u202e");

    private Fuzz() {
    }

    /** Runs {@code check} on {@code cases} mangled copies of {@code samples}; an escaping exception names the case. */
    public static void run(int cases, List<String> samples, Consumer<String> check) {
        SplittableRandom random = new SplittableRandom(SEED);
        for (int i = 0; i < cases; i++) {
            String input = mutate(samples.get(random.nextInt(samples.size())), random);
            try {
                check.accept(input);
            } catch (AssertionError | RuntimeException e) {
                fail("fuzz case " + i + " (seed " + SEED + ") failed on input:\n" + input.replace("\u0000", "\\0") + "\n" + e, e);
            }
        }
    }

    static String mutate(String sample, SplittableRandom random) {
        StringBuilder text = new StringBuilder(sample);
        int edits = 1 + random.nextInt(4);
        for (int i = 0; i < edits; i++) {
            int at = random.nextInt(text.length() + 1);
            switch (random.nextInt(5)) {
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
                default -> text.setLength(at);
            }
        }
        return text.toString();
    }
}
