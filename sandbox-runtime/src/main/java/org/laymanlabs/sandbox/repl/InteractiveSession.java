package org.laymanlabs.sandbox.repl;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import java.util.concurrent.atomic.AtomicInteger;
import org.laymanlabs.sandbox.RunningCommand;
import org.laymanlabs.sandbox.Shell;
import org.laymanlabs.sandbox.time.VirtualClock;

/**
 * An interactive bash look-alike on a real terminal, with JLine's line editing and a history
 * kept across runs. Ctrl-C abandons the line being typed, or interrupts a command that follows
 * something ({@code docker logs -f}), whose output is printed as the clock, kept at real time,
 * produces it. Ctrl-D or {@code exit} leave, printing "exit" as bash does.
 */
final class InteractiveSession {

    /** Where bash's own prompt begins: any other prompt is a container's shell reading the terminal. */
    private static final String LAPTOP = "learner@laptop:";
    private static final Duration MOMENT = Duration.ofMillis(100);
    private static final Path HISTORY = Path.of(System.getProperty("user.home"), ".layman_sandbox_history");

    private final Shell shell;
    private final VirtualClock clock;

    /** @param clock the sandbox's clock, which on a terminal keeps pace with the learner's own time */
    InteractiveSession(Shell shell, VirtualClock clock) {
        this.shell = shell;
        this.clock = clock;
    }

    int run() throws IOException {
        try (Terminal terminal = TerminalBuilder.builder().system(true).build()) {
            LineReader reader = LineReaderBuilder.builder()
                    .terminal(terminal)
                    .appName(Repl.PROGRAM)
                    .variable(LineReader.HISTORY_FILE, HISTORY)
                    .build();
            PrintWriter screen = terminal.writer();
            AtomicInteger interrupts = new AtomicInteger();
            // Outside readLine the terminal is in cooked mode, so Ctrl-C arrives as SIGINT; only count it here,
            // on the signal thread, and let the REPL's thread, which owns the sandbox, act on it.
            terminal.handle(Terminal.Signal.INT, signal -> interrupts.incrementAndGet());
            Foreground foreground = new Foreground(clock, InteractiveSession::pause, interrupts);
            screen.println("Layman Labs sandbox. Type `help' to list the commands, `exit' to leave.");
            long lastTick = System.nanoTime();
            while (true) {
                String line;
                try {
                    line = reader.readLine(shell.prompt());
                } catch (UserInterruptException e) {
                    continue;
                } catch (EndOfFileException e) {
                    if (shell.prompt().startsWith(LAPTOP)) {
                        break;
                    }
                    // Ctrl-D at a container's shell is end of input there: it exits with its last status.
                    line = "exit";
                    screen.println();
                }
                // The REPL is the edge of the system: while a learner types, sandbox time passes too,
                // so restarts, probes and "Up 2 minutes" move on as they would on a real machine.
                long now = System.nanoTime();
                clock.advance(Duration.ofNanos(now - lastTick));
                lastTick = now;
                RunningCommand running = shell.start(line, (stream, text) -> {
                    screen.print(text);
                    screen.flush();
                });
                foreground.drive(running);
                lastTick = System.nanoTime();
                if (shell.hasExited()) {
                    break;
                }
            }
            screen.println("exit");
            screen.flush();
            reader.getHistory().save();
        }
        return shell.lastExitCode();
    }

    /** One moment of real time, as the clock of a following command sees it. */
    private static Duration pause() {
        long before = System.nanoTime();
        try {
            Thread.sleep(MOMENT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return Duration.ofNanos(System.nanoTime() - before);
    }
}
