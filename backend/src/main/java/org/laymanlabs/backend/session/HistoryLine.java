package org.laymanlabs.backend.session;

import java.time.Instant;

/**
 * One line from a terminal's scrollback: what was typed, at which virtual instant, what it printed
 * (stdout and stderr as the terminal showed them, cut at a bound) and its status.
 */
public record HistoryLine(Instant at, String line, String output, int exitCode) {
}
