package org.laymanlabs.sandbox.container.program;

import java.util.ArrayList;
import java.util.List;

/** The Redis serialization protocol (RESP2) as far as PING, GET and SET need it: arrays of bulk strings and inline commands. */
final class Resp {

    private Resp() {
    }

    static String command(List<String> args) {
        StringBuilder out = new StringBuilder("*").append(args.size()).append("\r\n");
        args.forEach(a -> out.append('$').append(a.length()).append("\r\n").append(a).append("\r\n"));
        return out.toString();
    }

    /** The arguments of a request: a RESP array, or an inline command such as {@code PING}. */
    static List<String> parseCommand(String wire) {
        List<String> args = new ArrayList<>();
        String[] lines = wire.split("\r\n");
        if (lines.length == 0 || !lines[0].startsWith("*")) {
            return ScriptRunner.words(wire.strip());
        }
        for (int i = 1; i < lines.length; i++) {
            if (lines[i].startsWith("$") && i + 1 < lines.length) {
                args.add(lines[++i]);
            }
        }
        return args;
    }

    /** How redis-cli prints a reply when its output is not a terminal. */
    static String render(String reply) {
        if (reply.isEmpty()) {
            return "";
        }
        String body = reply.substring(1, reply.indexOf("\r\n"));
        return switch (reply.charAt(0)) {
            case '+', ':' -> body + "\n";
            case '-' -> body + "\n";
            case '$' -> body.equals("-1") ? "\n" : reply.split("\r\n")[1] + "\n";
            default -> reply;
        };
    }
}
