package org.laymanlabs.sandbox.shell.coreutils;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A compiled chmod MODE, octal ({@code 755}) or symbolic ({@code u+x,go-w}, {@code a=r},
 * {@code +X}, {@code g=u}). Mirrors gnulib lib/modechange.c, mode_compile and mode_adjust: with
 * no "who", a change is limited by the umask; {@code X} adds execute only to directories and to
 * files that already have an execute bit; a short octal mode keeps a directory's set-ID bits.
 */
final class ModeChange {

    private static final int ALL_BITS = 07777;
    private static final int RWX_ALL = 0777;
    private static final int SET_ID = 06000;

    private enum Flag { ORDINARY, COPY_EXISTING, X_IF_ANY_X }

    private record Step(char op, Flag flag, int affected, int value, int mentioned) { }

    private final List<Step> steps;

    private ModeChange(List<Step> steps) {
        this.steps = List.copyOf(steps);
    }

    /** The mode as typed, or empty if chmod would answer "invalid mode". */
    static Optional<ModeChange> compile(String text) {
        if (!text.isEmpty() && text.chars().allMatch(c -> c >= '0' && c <= '7')) {
            int value = Integer.parseInt(text, 8);
            if (value > ALL_BITS) {
                return Optional.empty();
            }
            int mentioned = text.length() < 5 ? (value & SET_ID) | 01000 | RWX_ALL : ALL_BITS;
            return Optional.of(new ModeChange(List.of(new Step('=', Flag.ORDINARY, ALL_BITS, value, mentioned))));
        }
        List<Step> steps = new ArrayList<>();
        for (String clause : text.split(",", -1)) {
            if (!symbolic(clause, steps)) {
                return Optional.empty();
            }
        }
        return Optional.of(new ModeChange(steps));
    }

    /** One clause: [ugoa]*([-+=]([rwxXst]*|[ugo]))+. */
    private static boolean symbolic(String clause, List<Step> steps) {
        int affected = 0;
        int i = 0;
        for (; i < clause.length() && "ugoa".indexOf(clause.charAt(i)) >= 0; i++) {
            affected |= switch (clause.charAt(i)) {
                case 'u' -> 04700;
                case 'g' -> 02070;
                case 'o' -> 01007;
                default -> ALL_BITS;
            };
        }
        if (i == clause.length()) {
            return false;
        }
        while (i < clause.length()) {
            char op = clause.charAt(i++);
            if ("=+-".indexOf(op) < 0) {
                return false;
            }
            int value = 0;
            Flag flag = Flag.ORDINARY;
            if (i < clause.length() && "ugo".indexOf(clause.charAt(i)) >= 0) {
                value = switch (clause.charAt(i++)) {
                    case 'u' -> 0700;
                    case 'g' -> 0070;
                    default -> 0007;
                };
                flag = Flag.COPY_EXISTING;
            } else {
                for (; i < clause.length() && "rwxXst".indexOf(clause.charAt(i)) >= 0; i++) {
                    switch (clause.charAt(i)) {
                        case 'r' -> value |= 0444;
                        case 'w' -> value |= 0222;
                        case 'x' -> value |= 0111;
                        case 'X' -> flag = Flag.X_IF_ANY_X;
                        case 's' -> value |= SET_ID;
                        default -> value |= 01000;
                    }
                }
            }
            steps.add(new Step(op, flag, affected, value, affected != 0 ? affected & value : value));
        }
        return true;
    }

    /** The new mode of a file or directory whose mode is {@code mode}, under {@code umask}. */
    int apply(int mode, boolean directory, int umask) {
        int result = mode & ALL_BITS;
        for (Step step : steps) {
            int omit = (directory ? SET_ID : 0) & ~step.mentioned();
            int value = step.value();
            if (step.flag() == Flag.COPY_EXISTING) {
                value &= result;
                value |= ((value & 0444) != 0 ? 0444 : 0) | ((value & 0222) != 0 ? 0222 : 0)
                        | ((value & 0111) != 0 ? 0111 : 0);
            } else if (step.flag() == Flag.X_IF_ANY_X && ((result & 0111) != 0 || directory)) {
                value |= 0111;
            }
            value &= (step.affected() != 0 ? step.affected() : ~umask) & ~omit;
            switch (step.op()) {
                case '=' -> {
                    int preserved = (step.affected() != 0 ? ~step.affected() : 0) | omit;
                    result = (result & preserved) | value;
                }
                case '+' -> result |= value;
                default -> result &= ~value;
            }
        }
        return result & ALL_BITS;
    }
}
