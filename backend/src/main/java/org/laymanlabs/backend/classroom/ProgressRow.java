package org.laymanlabs.backend.classroom;

import org.laymanlabs.backend.progress.AttemptProgress;

/** One learner's attempt at one lab, as a classroom's report lists it. */
public record ProgressRow(String username, AttemptProgress attempt) {
}
