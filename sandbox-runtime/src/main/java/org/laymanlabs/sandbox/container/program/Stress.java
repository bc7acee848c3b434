package org.laymanlabs.sandbox.container.program;

import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;

/**
 * Mirrors stress 1.0.4 (Amos Waterland's, packaged as polinux/stress and used by the Kubernetes
 * docs' memory-limit task) for its {@code --vm} hogs: {@code --vm N --vm-bytes SIZE} makes N
 * workers each touch SIZE bytes and keep them ({@code --vm-hang}), so that a container over its
 * memory limit is OOM-killed; {@code --timeout N} ends a run that survived. CPU, io and hdd hogs
 * only count in the dispatch line: they use no memory.
 */
final class Stress implements Program {

    /** How long the workers take to fault their pages in. */
    private static final Duration TOUCH = Duration.ofMillis(100);

    @Override
    public Process start(ProcessContext context) {
        List<String> args = context.argv().subList(1, context.argv().size());
        int cpu = 0;
        int io = 0;
        int vm = 0;
        int hdd = 0;
        long vmBytes = 256L * 1024 * 1024;
        long timeout = 0;
        for (int i = 0; i < args.size(); i++) {
            String flag = args.get(i);
            String value = i + 1 < args.size() ? args.get(i + 1) : "";
            switch (flag) {
                case "-c", "--cpu" -> cpu = number(value);
                case "-i", "--io" -> io = number(value);
                case "-m", "--vm" -> vm = number(value);
                case "-d", "--hdd" -> hdd = number(value);
                case "--vm-bytes" -> vmBytes = size(value);
                case "-t", "--timeout" -> timeout = number(value);
                case "--vm-hang", "--vm-stride", "--hdd-bytes", "--backoff" -> { }
                default -> {
                    if (flag.startsWith("-")) {
                        context.stderr("stress: FAIL: [1] (244) unrecognized option: " + flag);
                        context.exit(1);
                        return Process.IGNORES_SIGNALS;
                    }
                    continue;
                }
            }
            i++;
        }
        if (cpu + io + vm + hdd == 0) {
            context.stdout("`stress' imposes certain types of compute stress on your system");
            context.exit(1);
            return Process.IGNORES_SIGNALS;
        }
        context.stdout("stress: info: [1] dispatching hogs: " + cpu + " cpu, " + io + " io, " + vm + " vm, " + hdd + " hdd");
        long total = vm * vmBytes;
        context.clock().schedule(TOUCH, () -> {
            if (!context.exited()) {
                context.allocate(total);
            }
        });
        if (timeout > 0) {
            long seconds = timeout;
            context.clock().schedule(Duration.ofSeconds(timeout), () -> {
                if (!context.exited()) {
                    context.stdout("stress: info: [1] successful run completed in " + seconds + "s");
                    context.exit(0);
                }
            });
        }
        return signal -> OptionalInt.of(signal.exitStatus());
    }

    private static int number(String value) {
        return value.matches("[0-9]+") ? Integer.parseInt(value) : 0;
    }

    /** stress's suffixes: b, k, m, g (powers of 1024), either case. */
    static long size(String value) {
        String v = value.toLowerCase(java.util.Locale.ROOT);
        if (!v.matches("[0-9]+[bkmg]?")) {
            return 0;
        }
        char last = v.charAt(v.length() - 1);
        long scale = switch (last) {
            case 'k' -> 1024L;
            case 'm' -> 1024L * 1024;
            case 'g' -> 1024L * 1024 * 1024;
            default -> 1;
        };
        String digits = Character.isLetter(last) ? v.substring(0, v.length() - 1) : v;
        return Long.parseLong(digits) * scale;
    }
}
