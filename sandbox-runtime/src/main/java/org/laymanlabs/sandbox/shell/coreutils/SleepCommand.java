package org.laymanlabs.sandbox.shell.coreutils;

import java.math.BigDecimal;
import java.time.Duration;
import org.laymanlabs.sandbox.CommandResult;
import org.laymanlabs.sandbox.shell.Command;
import org.laymanlabs.sandbox.shell.Invocation;
import org.laymanlabs.sandbox.time.VirtualClock;

/**
 * coreutils {@code sleep NUMBER[smhd]}: advances the sandbox's virtual clock, so everything that
 * waits on time (restarts, probes, rollouts) moves on, and the learner never waits for real.
 */
final class SleepCommand implements Command {

    /** A learner's sleep may move the clock at most a day at once. */
    private static final Duration LONGEST = Duration.ofDays(1);

    private final VirtualClock clock;

    SleepCommand(VirtualClock clock) {
        this.clock = clock;
    }

    @Override
    public String name() {
        return "sleep";
    }

    @Override
    public String usage() {
        return "sleep NUMBER[smhd]...";
    }

    @Override
    public String summary() {
        return "Let time pass in the sandbox (it moves on at once; nothing really waits).";
    }

    @Override
    public CommandResult run(Invocation invocation) {
        if (invocation.args().isEmpty()) {
            return CommandResult.error("sleep: missing operand\nTry 'sleep --help' for more information.\n", 1);
        }
        Duration total = Duration.ZERO;
        for (String arg : invocation.args()) {
            if (!arg.matches("[0-9]+(\\.[0-9]+)?[smhd]?")) {
                return CommandResult.error("sleep: invalid time interval '" + arg + "'\n"
                        + "Try 'sleep --help' for more information.\n", 1);
            }
            total = total.plus(parse(arg));
        }
        if (total.compareTo(LONGEST) > 0) {
            return CommandResult.error("sleep: the sandbox lets at most a day pass at once\n", 1);
        }
        clock.advance(total);
        return CommandResult.ok("");
    }

    private static Duration parse(String arg) {
        boolean suffixed = Character.isLetter(arg.charAt(arg.length() - 1));
        char unit = suffixed ? arg.charAt(arg.length() - 1) : 's';
        String number = suffixed ? arg.substring(0, arg.length() - 1) : arg;
        long seconds = switch (unit) {
            case 'm' -> 60;
            case 'h' -> 3600;
            case 'd' -> 86400;
            default -> 1;
        };
        BigDecimal millis = new BigDecimal(number).multiply(BigDecimal.valueOf(seconds * 1000));
        return Duration.ofMillis(millis.longValue());
    }
}
