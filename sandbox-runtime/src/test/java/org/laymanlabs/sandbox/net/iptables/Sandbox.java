package org.laymanlabs.sandbox.net.iptables;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;
import org.laymanlabs.sandbox.CommandResult;
import org.laymanlabs.sandbox.net.netfilter.Netfilter;
import org.laymanlabs.sandbox.shell.CommandLineShell;
import org.laymanlabs.sandbox.shell.Invocation;
import org.laymanlabs.sandbox.time.VirtualClock;

/** One namespace's netfilter with the three iptables tools in a sandbox shell, for tests. */
final class Sandbox {

    final VirtualClock clock = new VirtualClock(Instant.parse("2025-01-02T03:04:05Z"));
    final Netfilter netfilter = new Netfilter(clock, new SplittableRandom(42));
    final CommandLineShell shell = new CommandLineShell(List.of(
            new IptablesCommand(netfilter), new IptablesSaveCommand(netfilter), new IptablesRestoreCommand(netfilter)));

    CommandResult run(String line) {
        return shell.run(line);
    }

    /** Runs a line that must succeed and returns its stdout. */
    String ok(String line) {
        CommandResult result = shell.run(line);
        if (result.exitCode() != 0) {
            throw new AssertionError(line + " failed: " + result.stderr());
        }
        return result.stdout();
    }

    /** iptables-restore with {@code input} on stdin, as "iptables-restore ARGS < file" will feed it. */
    CommandResult restore(String input, String... args) {
        return new IptablesRestoreCommand(netfilter).run(new Invocation(List.of(args), input, null));
    }

    String save() {
        return ok("iptables-save -c");
    }

    static String resource(String name) {
        try (InputStream in = Sandbox.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
