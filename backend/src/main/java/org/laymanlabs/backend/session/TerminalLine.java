package org.laymanlabs.backend.session;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A stored line of an attempt's terminal scrollback (bounded: the newest are kept). */
@Entity
@Table(name = "terminal_line")
class TerminalLine {

    @Id
    private UUID id;

    @Column(name = "attempt_id", nullable = false)
    private UUID attemptId;

    @Column(nullable = false)
    private long seq;

    @Column(name = "sandbox_time", nullable = false)
    private Instant sandboxTime;

    @Column(nullable = false, length = 4000)
    private String line;

    @Column(nullable = false, length = 10000)
    private String output;

    @Column(name = "exit_code", nullable = false)
    private int exitCode;

    /** The prompt the line was typed at; null for lines stored before prompts were kept. */
    @Column(length = 300)
    private String prompt;

    protected TerminalLine() {
    }

    TerminalLine(UUID attemptId, HistoryLine line) {
        this.id = UUID.randomUUID();
        this.attemptId = attemptId;
        this.seq = line.seq();
        this.sandboxTime = line.at();
        this.line = cut(line.line(), 4000);
        this.output = cut(line.output(), 10000);
        this.exitCode = line.exitCode();
        this.prompt = line.prompt() == null ? null : cut(line.prompt(), 300);
    }

    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }

    HistoryLine toHistoryLine() {
        return new HistoryLine(seq, sandboxTime, line, output, exitCode, prompt);
    }

    long seq() {
        return seq;
    }
}
