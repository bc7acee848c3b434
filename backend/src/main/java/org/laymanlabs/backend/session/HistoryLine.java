package org.laymanlabs.backend.session;

import java.time.Instant;

/**
 * One line from a terminal's scrollback: its number (counting every line ever typed), what was typed, at which virtual instant, what it printed
 * (stdout and stderr as the terminal showed them, cut at a bound) and its status.
 */
public record HistoryLine(long seq, Instant at, String line, String output, int exitCode) {
}
