package org.laymanlabs.sandbox.net.oracle;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * The machine's own kernel as an oracle (BUILD-NOTES.md, "Real kernel as an oracle"): network
 * namespaces joined by veth pairs, real iptables-nft rules, real connections. Every name it
 * makes carries its prefix and is deleted by {@link #close}. Without root and {@code ip netns}
 * the tests are skipped with the reason, except under CI, which must run them.
 */
final class RealKernel implements AutoCloseable {

    /** What a command printed and how it ended. */
    record Run(String stdout, String stderr, int exitCode) { }

    private final String prefix;
    private final List<String> namespaces = new ArrayList<>();
    private final List<Process> servers = new ArrayList<>();

    private RealKernel(String prefix) {
        this.prefix = prefix;
    }

    /** A kernel to experiment on, or the test is skipped (failed under CI) with what is missing. */
    static RealKernel open(String prefix) {
        String missing = missingTools();
        if (missing != null) {
            if ("true".equals(System.getenv("CI"))) {
                throw new IllegalStateException("CI must run the kernel differential tests, but " + missing);
            }
            System.out.println("Skipping kernel differential test: " + missing);
            Assumptions.abort(missing);
        }
        RealKernel kernel = new RealKernel(prefix);
        kernel.deleteLeftovers();
        return kernel;
    }

    private static String missingTools() {
        for (String tool : List.of("ip", "iptables-nft-restore", "iptables-nft-save", "python3", "curl", "ping")) {
            if (bash("command -v " + tool).exitCode() != 0) {
                return tool + " is not installed (.ci/run installs iproute2, iptables, curl and iputils-ping)";
            }
        }
        String probe = "ll-probe-" + ProcessHandle.current().pid();
        Run add = bash("ip netns add " + probe);
        bash("ip netns del " + probe);
        return add.exitCode() == 0 ? null : "cannot create network namespaces here (needs root): " + add.stderr().strip();
    }

    String name(String suffix) {
        return prefix + suffix;
    }

    void addNamespace(String name) {
        namespaces.add(name);
        check(bash("ip netns add " + name + " && ip -n " + name + " link set lo up"));
    }

    /** Runs a shell line on the host (where `ip -n NS …` reaches into the test's namespaces). */
    Run run(String line) {
        return bash(line);
    }

    Run in(String namespace, String line) {
        return bash("ip netns exec " + namespace + " " + line);
    }

    Run restore(String namespace, String rules) {
        return bashWithInput("ip netns exec " + namespace + " iptables-nft-restore --noflush", rules);
    }

    /** Starts shared/oracle/epserver.py in a namespace: it answers "<name> saw-client=<peer>". */
    void serve(String namespace, String serverScript, String name, String address, int port) {
        try {
            Process server = new ProcessBuilder("ip", "netns", "exec", namespace, "python3", serverScript, name, address,
                    String.valueOf(port)).redirectErrorStream(true).start();
            servers.add(server);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the endpoint server", e);
        }
        String wait = "for k in $(seq 100); do (exec 3<>/dev/tcp/" + address + "/" + port + ") 2>/dev/null && exit 0; sleep 0.05; done; exit 1";
        check(in(namespace, "bash -c '" + wait + "'"));
    }

    /**
     * {@code curl -s --max-time N} from a namespace, one line per request: the answer, or
     * "FAILED <curl's exit code>".
     */
    List<String> curl(String namespace, String url, int count, int maxTimeSeconds) {
        String loop = "for k in $(seq " + count + "); do curl -s --max-time " + maxTimeSeconds + " " + url
                + " || echo \"FAILED $?\"; done";
        return List.of(in(namespace, "bash -c '" + loop + "'").stdout().strip().split("\n"));
    }

    /**
     * The rule path of the packets of one request, as the nft backend's TRACE reports it
     * ({@code xtables-monitor --trace}): one line per rule that matched or policy applied, as
     * {@code table:chain:rule|policy:VERDICT text}, with NFT_RETURN spelled RETURN and the rule
     * text without its {@code -4 -t table} prefix.
     */
    List<String> tracedPath(String namespace, Runnable request) {
        try {
            Process monitor = new ProcessBuilder("ip", "netns", "exec", namespace, "timeout", "4", "xtables-monitor",
                    "--trace").redirectErrorStream(true).start();
            Thread.sleep(700);
            request.run();
            String out = new String(monitor.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            monitor.waitFor(10, TimeUnit.SECONDS);
            return out.lines().map(String::strip).filter(line -> line.startsWith("TRACE:"))
                    .map(RealKernel::traceStep).toList();
        } catch (IOException e) {
            throw new IllegalStateException("cannot run xtables-monitor", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** {@code TRACE: 2 3c6ccd37 nat:KUBE-SERVICES:rule:0x11:JUMP:X  -4 -t nat -A …} → {@code nat:KUBE-SERVICES:rule:JUMP:X -A …}. */
    private static String traceStep(String line) {
        String[] words = line.split(" ", 4);
        String where = words[3];
        int space = where.indexOf("  ");
        String head = space < 0 ? where.strip() : where.substring(0, space);
        String text = space < 0 ? "" : where.substring(space).strip().replaceFirst("^-4 -t \\S+ ", "");
        String[] parts = head.split(":");
        boolean rule = parts[2].equals("rule");
        String verdict = String.join(":", java.util.Arrays.copyOfRange(parts, rule ? 4 : 3, parts.length))
                .replace("0xfffffffb", "RETURN");
        return parts[0] + ":" + parts[1] + ":" + (rule ? "rule" : "policy") + ":" + verdict + (text.isEmpty() ? "" : " " + text);
    }

    /** One {@code ping -c 1 -W 1} from a namespace: "ttl=N" for a reply, or "lost". */
    String ping(String namespace, String address) {
        String out = in(namespace, "ping -n -c 1 -W 1 " + address).stdout();
        java.util.regex.Matcher ttl = java.util.regex.Pattern.compile("ttl=(\\d+)").matcher(out);
        return ttl.find() ? "ttl=" + ttl.group(1) : "lost";
    }

    /** What {@code ping -n -c 1 -W 1} prints about its one request: the reply or error line, or "" for nothing. */
    String pingReport(String namespace, String arguments) {
        return in(namespace, "ping -n -c 1 -W 1 " + arguments).stdout().lines().skip(1).findFirst().orElse("");
    }

    /** iptables-save text without its dated comment lines, for comparing two saves. */
    static String withoutDates(String save) {
        return java.util.Arrays.stream(save.split("\n")).filter(line -> !line.startsWith("#"))
                .collect(java.util.stream.Collectors.joining("\n"));
    }

    /** A file kept beside these tests (shared/oracle's server and rules). */
    static String resource(String name) {
        try (java.io.InputStream in = RealKernel.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("missing test resource " + name, e);
        }
    }

    static void check(Run run) {
        if (run.exitCode() != 0) {
            throw new IllegalStateException("real kernel setup failed: " + run.stderr() + run.stdout());
        }
    }

    @Override
    public void close() {
        servers.forEach(Process::destroyForcibly);
        for (Process server : servers) {
            try {
                server.waitFor(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        namespaces.forEach(ns -> bash("ip netns del " + ns));
    }

    private void deleteLeftovers() {
        Run list = bash("ip netns list");
        for (String line : list.stdout().split("\n")) {
            String ns = line.split(" ")[0];
            if (ns.startsWith(prefix)) {
                bash("ip netns del " + ns);
            }
        }
    }

    private static Run bash(String line) {
        return bashWithInput(line, "");
    }

    private static Run bashWithInput(String line, String input) {
        try {
            Process process = new ProcessBuilder("bash", "-c", line).start();
            process.getOutputStream().write(input.getBytes(StandardCharsets.UTF_8));
            process.getOutputStream().close();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return new Run(out, err + "timed out", 124);
            }
            return new Run(out, err, process.exitValue());
        } catch (IOException e) {
            return new Run("", e.getMessage(), 127);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Run("", "interrupted", 130);
        }
    }
}
