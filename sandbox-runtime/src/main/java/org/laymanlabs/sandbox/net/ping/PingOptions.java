package org.laymanlabs.sandbox.net.ping;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** ping's command line, as far as the sandbox's ping understands it; messages as iputils 20221126 words them. */
record PingOptions(String host, Optional<Integer> count, Duration timeout, boolean quiet, int ttl) {

    /** A command line ping refuses, with the exit status it gives (1, or 2 for an unknown option). */
    static final class Refused extends RuntimeException {

        private final int exitCode;

        Refused(String message, int exitCode) {
            super(message);
            this.exitCode = exitCode;
        }

        int exitCode() {
            return exitCode;
        }
    }

    static PingOptions parse(List<String> args) {
        String host = null;
        Integer count = null;
        Duration timeout = Duration.ofSeconds(10);
        boolean quiet = false;
        int ttl = 64;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            switch (arg) {
                case "-c" -> count = positive(args, ++i);
                case "-W" -> timeout = Duration.ofSeconds(positive(args, ++i));
                case "-q" -> quiet = true;
                case "-t" -> ttl = ttl(args, ++i);
                default -> {
                    if (arg.startsWith("-")) {
                        throw new Refused("invalid option -- '" + arg.substring(1) + "'\n\nUsage\n  ping [options] <destination>", 2);
                    }
                    host = arg;
                }
            }
        }
        if (host == null) {
            throw new Refused("usage error: Destination address required", 1);
        }
        return new PingOptions(host, Optional.ofNullable(count), timeout, quiet, ttl);
    }

    /** -t: 0 to 255; 0 passes the parser but setsockopt(IP_TTL) refuses it. */
    private static int ttl(List<String> args, int i) {
        String word = i < args.size() ? args.get(i) : "";
        if (!word.matches("[0-9]{1,9}")) {
            throw new Refused("invalid argument: '" + word + "'", 1);
        }
        int value = Integer.parseInt(word);
        if (value > 255) {
            throw new Refused("invalid argument: '" + word + "': out of range: 0 <= value <= 255", 1);
        }
        if (value == 0) {
            throw new Refused("cannot set unicast time-to-live: Invalid argument", 2);
        }
        return value;
    }

    private static int positive(List<String> args, int i) {
        String word = i < args.size() ? args.get(i) : "";
        if (!word.matches("[0-9]{1,9}")) {
            throw new Refused("invalid argument: '" + word + "'", 1);
        }
        if (Integer.parseInt(word) < 1) {
            throw new Refused("invalid argument: '" + word + "': out of range: 1 <= value <= 9223372036854775807", 1);
        }
        return Integer.parseInt(word);
    }
}
