package org.laymanlabs.sandbox.container.program;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.TreeMap;

/**
 * redis-server: listens on 6379 (or {@code --port}), answers PING, SET, GET, DEL, INCR and EXISTS
 * in RESP, logs Redis's start-up and shutdown lines, and saves its keys to /data/dump.rdb on
 * SIGTERM so that a named volume keeps them across containers.
 */
final class RedisServer implements Program {

    private static final DateTimeFormatter LOG_TIME =
            DateTimeFormatter.ofPattern("dd MMM yyyy HH:mm:ss.SSS", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final String DUMP = "/data/dump.rdb";

    @Override
    public Process start(ProcessContext context) {
        int port = 6379;
        List<String> args = context.argv();
        for (int i = 1; i + 1 < args.size(); i++) {
            if (args.get(i).equals("--port")) {
                port = Integer.parseInt(args.get(i + 1));
            }
        }
        Map<String, String> keys = load(context);
        String version = context.env().getOrDefault("REDIS_VERSION", "8.0.2");
        log(context, 'C', "* oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo");
        log(context, 'C', "* Redis version=" + version + ", bits=64, commit=00000000, modified=1, pid=1, just started");
        log(context, 'C', "# Warning: no config file specified, using the default config. In order to specify a config"
                + " file use redis-server /path/to/redis.conf");
        if (context.listen(port, (request, peer) -> answer(Resp.parseCommand(request), keys)).isPresent()) {
            log(context, 'M', "# Warning: Could not create server TCP listening socket *:" + port + ": bind: Address already in use");
            context.exit(1);
            return Process.IGNORES_SIGNALS;
        }
        log(context, 'M', "* monotonic clock: POSIX clock_gettime");
        log(context, 'M', "* Running mode=standalone, port=" + port + ".");
        log(context, 'M', "* Server initialized");
        log(context, 'M', "* Ready to accept connections tcp");
        return signal -> {
            if (signal != Signal.SIGTERM && signal != Signal.SIGINT) {
                return OptionalInt.empty();
            }
            context.stdout("1:signal-handler (" + context.clock().now().getEpochSecond() + ") Received " + signal.name()
                    + " scheduling shutdown...");
            log(context, 'M', "* User requested shutdown...");
            log(context, 'M', "* Saving the final RDB snapshot before exiting.");
            save(context, keys);
            log(context, 'M', "* DB saved on disk");
            log(context, 'M', "# Redis is now ready to exit, bye bye...");
            return OptionalInt.of(0);
        };
    }

    private static String answer(List<String> args, Map<String, String> keys) {
        if (args.isEmpty()) {
            return "";
        }
        String name = args.get(0).toUpperCase(Locale.ROOT);
        return switch (name) {
            case "PING" -> args.size() > 1 ? bulk(args.get(1)) : "+PONG\r\n";
            case "SET" -> arity(args, 3) ? put(keys, args.get(1), args.get(2)) : wrongArity(args.get(0));
            case "GET" -> arity(args, 2) ? bulk(keys.get(args.get(1))) : wrongArity(args.get(0));
            case "DEL", "EXISTS" -> {
                long n = args.subList(1, args.size()).stream().filter(keys::containsKey).count();
                if (name.equals("DEL")) {
                    args.subList(1, args.size()).forEach(keys::remove);
                }
                yield ":" + n + "\r\n";
            }
            case "INCR" -> {
                long value = Long.parseLong(keys.getOrDefault(args.get(1), "0")) + 1;
                keys.put(args.get(1), Long.toString(value));
                yield ":" + value + "\r\n";
            }
            default -> "-ERR unknown command '" + args.get(0) + "', with args beginning with: "
                    + String.join(" ", args.subList(1, args.size()).stream().map(a -> "'" + a + "' ").toList()) + "\r\n";
        };
    }

    private static boolean arity(List<String> args, int n) {
        return args.size() == n;
    }

    private static String wrongArity(String command) {
        return "-ERR wrong number of arguments for '" + command.toLowerCase(Locale.ROOT) + "' command\r\n";
    }

    private static String put(Map<String, String> keys, String key, String value) {
        keys.put(key, value);
        return "+OK\r\n";
    }

    private static String bulk(String value) {
        return value == null ? "$-1\r\n" : "$" + value.length() + "\r\n" + value + "\r\n";
    }

    private static void log(ProcessContext context, char role, String text) {
        context.stdout("1:" + role + " " + LOG_TIME.format(context.clock().now()) + " " + text);
    }

    /** The dump file is a stand-in for RDB: a header line, then one key=value per line. */
    private static Map<String, String> load(ProcessContext context) {
        Map<String, String> keys = new TreeMap<>();
        if (context.files().exists(DUMP)) {
            for (String line : context.files().read(DUMP).split("\n")) {
                int eq = line.indexOf('=');
                if (eq > 0 && !line.startsWith("REDIS")) {
                    keys.put(line.substring(0, eq), line.substring(eq + 1));
                }
            }
        }
        return keys;
    }

    private static void save(ProcessContext context, Map<String, String> keys) {
        if (!context.files().isDirectory("/data")) {
            return;
        }
        StringBuilder dump = new StringBuilder("REDIS0012\n");
        keys.forEach((k, v) -> dump.append(k).append('=').append(v).append('\n'));
        context.files().write(DUMP, dump.toString());
    }
}
