package org.laymanlabs.sandbox.net.curl;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** curl's command line, as far as the sandbox's curl understands it (src/tool_getparam.c). */
record CurlOptions(String url, boolean silent, boolean showError, boolean verbose, boolean include, boolean head,
        boolean fail, Optional<String> output, Optional<String> writeOut, List<String> headers,
        Optional<String> method, Optional<String> data, Optional<Double> maxTime, Optional<Double> connectTimeout,
        String userAgent) {

    static final String DEFAULT_USER_AGENT = "curl/7.88.1";

    static CurlOptions parse(List<String> args) {
        Builder b = new Builder();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.startsWith("--")) {
                i = b.longOption(arg, args, i);
            } else if (arg.startsWith("-") && arg.length() > 1) {
                i = b.shortOptions(arg, args, i);
            } else {
                b.url = arg;
            }
        }
        if (b.url == null) {
            throw CurlFailure.usage("");
        }
        return new CurlOptions(b.url, b.silent, b.showError, b.verbose, b.include, b.head, b.fail,
                Optional.ofNullable(b.output), Optional.ofNullable(b.writeOut), List.copyOf(b.headers),
                Optional.ofNullable(b.method), Optional.ofNullable(b.data), Optional.ofNullable(b.maxTime),
                Optional.ofNullable(b.connectTimeout), b.userAgent);
    }

    private static final class Builder {
        String url;
        boolean silent;
        boolean showError;
        boolean verbose;
        boolean include;
        boolean head;
        boolean fail;
        String output;
        String writeOut;
        final List<String> headers = new ArrayList<>();
        String method;
        String data;
        Double maxTime;
        Double connectTimeout;
        String userAgent = DEFAULT_USER_AGENT;

        private static final List<String> TAKES_VALUE = List.of("--output", "--write-out", "--header", "--request",
                "--data", "--data-raw", "--data-binary", "--user-agent", "--max-time", "--connect-timeout", "--url");

        int longOption(String arg, List<String> args, int i) {
            if (TAKES_VALUE.contains(arg)) {
                set(arg, value(arg, args, i + 1));
                return i + 1;
            }
            switch (arg) {
                case "--silent" -> silent = true;
                case "--show-error" -> showError = true;
                case "--verbose" -> verbose = true;
                case "--include" -> include = true;
                case "--head" -> head = true;
                case "--fail" -> fail = true;
                case "--location", "--insecure", "--http1.1", "--ipv4", "--no-progress-meter" -> { }
                default -> throw CurlFailure.usage("option " + arg + ": is unknown");
            }
            return i;
        }

        private void set(String option, String value) {
            switch (option) {
                case "--output" -> output = value;
                case "--write-out" -> writeOut = value;
                case "--header" -> headers.add(value);
                case "--request" -> method = value;
                case "--user-agent" -> userAgent = value;
                case "--max-time" -> maxTime = seconds(option, value);
                case "--connect-timeout" -> connectTimeout = seconds(option, value);
                case "--url" -> url = value;
                default -> data = value;
            }
        }

        /** Short options combine ({@code -sS}); one that takes a value takes the rest of the word or the next word. */
        int shortOptions(String arg, List<String> args, int i) {
            for (int k = 1; k < arg.length(); k++) {
                char c = arg.charAt(k);
                String rest = arg.substring(k + 1);
                String takesValue = "owHXdmA";
                if (takesValue.indexOf(c) >= 0) {
                    if (rest.isEmpty()) {
                        set(longName(c), value("-" + c, args, ++i));
                    } else {
                        set(longName(c), rest);
                    }
                    return i;
                }
                switch (c) {
                    case 's' -> silent = true;
                    case 'S' -> showError = true;
                    case 'v' -> verbose = true;
                    case 'i' -> include = true;
                    case 'I' -> head = true;
                    case 'f' -> fail = true;
                    case 'L', 'k', '4' -> { }
                    default -> throw CurlFailure.usage("option -" + c + ": is unknown");
                }
            }
            return i;
        }

        private static String longName(char c) {
            return switch (c) {
                case 'o' -> "--output";
                case 'w' -> "--write-out";
                case 'H' -> "--header";
                case 'X' -> "--request";
                case 'd' -> "--data";
                case 'm' -> "--max-time";
                default -> "--user-agent";
            };
        }

        private static String value(String option, List<String> args, int i) {
            if (i >= args.size()) {
                throw CurlFailure.usage("option " + option + ": requires parameter");
            }
            return args.get(i);
        }

        private static Double seconds(String option, String text) {
            try {
                double value = Double.parseDouble(text);
                if (value < 0 || Double.isNaN(value) || Double.isInfinite(value)) {
                    throw new NumberFormatException();
                }
                return value;
            } catch (NumberFormatException e) {
                throw CurlFailure.usage("option " + option + ": expected a proper numerical parameter");
            }
        }
    }
}
