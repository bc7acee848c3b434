package org.laymanlabs.sandbox.container.program;

import java.time.Duration;
import java.util.Optional;

/**
 * {@code sleep N} and {@code sleep infinity} as a container's process: it ends after N seconds of
 * virtual time. As PID 1 it has no signal handlers, so {@code docker stop} must wait and kill it.
 */
final class Sleep implements Program {

    @Override
    public Process start(ProcessContext context) {
        if (context.argv().size() < 2) {
            context.stderr("sleep: missing operand");
            context.stderr("Try 'sleep --help' for more information.");
            context.exit(1);
            return Process.IGNORES_SIGNALS;
        }
        Duration total = Duration.ZERO;
        for (String arg : context.argv().subList(1, context.argv().size())) {
            if (arg.equals("infinity")) {
                return Process.IGNORES_SIGNALS;
            }
            Optional<Duration> d = parse(arg);
            if (d.isEmpty()) {
                context.stderr("sleep: invalid time interval '" + arg + "'");
                context.exit(1);
                return Process.IGNORES_SIGNALS;
            }
            total = total.plus(d.get());
        }
        context.clock().schedule(total, () -> {
            if (!context.exited()) {
                context.exit(0);
            }
        });
        return Process.IGNORES_SIGNALS;
    }

    /** {@code 5}, {@code 1.5}, {@code 2m}, {@code 1h}, {@code 1d}. */
    static Optional<Duration> parse(String arg) {
        if (!arg.matches("[0-9]+(\\.[0-9]+)?[smhd]?")) {
            return Optional.empty();
        }
        char last = arg.charAt(arg.length() - 1);
        boolean hasUnit = Character.isLetter(last);
        String number = hasUnit ? arg.substring(0, arg.length() - 1) : arg;
        char unit = hasUnit ? last : 's';
        long scale = switch (unit) {
            case 'm' -> 60_000;
            case 'h' -> 3_600_000;
            case 'd' -> 86_400_000;
            default -> 1000;
        };
        return Optional.of(Duration.ofMillis(Math.round(Double.parseDouble(number) * scale)));
    }
}
