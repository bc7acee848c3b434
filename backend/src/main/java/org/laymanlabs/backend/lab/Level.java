package org.laymanlabs.backend.lab;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How much a learner should already know before starting a lab. */
public enum Level {
    @JsonProperty("beginner") BEGINNER("Beginner"),
    @JsonProperty("intermediate") INTERMEDIATE("Intermediate"),
    @JsonProperty("advanced") ADVANCED("Advanced");

    private final String label;

    Level(String label) {
        this.label = label;
    }

    /** The word a learner sees on a catalog card. */
    public String label() {
        return label;
    }
}
