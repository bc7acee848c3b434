package org.laymanlabs.sandbox.kube.api;

import java.util.List;

/**
 * A manifest the API server cannot turn into its type: unknown fields (strict decoding, as
 * {@code fieldValidation=Strict} reports them) or a value of the wrong JSON type, in the
 * API server's words.
 */
public final class DecodingException extends Exception {

    private final List<String> problems;

    public DecodingException(List<String> problems) {
        super(String.join(", ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }

    /** True when every problem is an unknown field, which kube-apiserver reports as a strict decoding error. */
    public boolean onlyUnknownFields() {
        return problems.stream().allMatch(p -> p.startsWith("unknown field "));
    }
}
