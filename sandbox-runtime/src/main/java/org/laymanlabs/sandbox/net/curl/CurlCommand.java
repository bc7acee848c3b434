package org.laymanlabs.sandbox.net.curl;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.laymanlabs.sandbox.CommandResult;
import org.laymanlabs.sandbox.net.HomeNamespace;
import org.laymanlabs.sandbox.net.Ipv4Address;
import org.laymanlabs.sandbox.net.http.HttpResponse;
import org.laymanlabs.sandbox.net.ipv4.Connector;
import org.laymanlabs.sandbox.net.ipv4.Exchange;
import org.laymanlabs.sandbox.shell.Command;
import org.laymanlabs.sandbox.shell.Invocation;
import org.laymanlabs.sandbox.time.VirtualClock;

/**
 * curl 7.88.1 (Debian 12's) over the simulated network: the request really travels the stack
 * from the namespace the shell is in, so what curl prints is what the path allows. Messages,
 * exit codes and the {@code -v} transcript follow the real tool.
 */
public final class CurlCommand implements Command {

    private final Connector connector;
    private final VirtualClock clock;
    private final HomeNamespace home;
    private final HostResolver resolver;

    public CurlCommand(Connector connector, VirtualClock clock, HomeNamespace home, HostResolver resolver) {
        this.connector = connector;
        this.clock = clock;
        this.home = home;
        this.resolver = resolver;
    }

    @Override
    public String name() {
        return "curl";
    }

    @Override
    public String usage() {
        return "curl [options...] <url>";
    }

    @Override
    public String summary() {
        return "Send an HTTP request through the sandbox's network and print the answer.";
    }

    @Override
    public CommandResult run(Invocation invocation) {
        CurlOptions options;
        try {
            options = CurlOptions.parse(invocation.args());
        } catch (CurlFailure e) {
            return CommandResult.error(e.render(), e.exitCode());
        }
        Transcript transcript = new Transcript(options);
        try {
            return fetch(options, transcript, invocation);
        } catch (CurlFailure e) {
            return transcript.failed(e);
        }
    }

    private CommandResult fetch(CurlOptions options, Transcript transcript, Invocation invocation) {
        CurlUrl url = CurlUrl.parse(options.url());
        Ipv4Address address = resolver.resolve(url.host())
                .orElseThrow(() -> CurlFailure.of(6, "Could not resolve host: " + url.host()));
        String request = Requests.build(options, url);
        transcript.verbose("*   Trying " + address + ":" + url.port() + "...");
        Limit limit = limit(options);
        Exchange exchange = connector.exchange(home.get(), address, url.port(), request, limit.after());
        String where = url.host() + " port " + url.port();
        if (exchange instanceof Exchange.Failed failed) {
            // An answer that takes longer than curl waits (an ARP nobody answers) ends in curl's own timeout.
            if (failed.after().compareTo(limit.after()) > 0) {
                clock.advance(limit.after());
                throw limit.failure(where);
            }
            throw connectFailed(transcript, address, url, failed.errno(), failed.after());
        }
        if (exchange instanceof Exchange.TimedOut) {
            throw limit.failure(where);
        }
        Exchange.Answered answered = (Exchange.Answered) exchange;
        transcript.verbose("* Connected to " + url.host() + " (" + address + ") port " + url.port() + " (#0)");
        request.lines().forEach(line -> transcript.verbose("> " + line));
        HttpResponse response = HttpResponse.parse(answered.response()).orElseThrow(() -> answered.response().isEmpty()
                ? CurlFailure.of(52, "Empty reply from server")
                : CurlFailure.of(1, "Received HTTP/0.9 when not allowed"));
        return transcript.answered(url.host(), response, invocation, variables(url, address, answered, response));
    }

    /** connect(2) failed with an errno; curl 7.88 reports them all as "Couldn't connect to server". */
    private CurlFailure connectFailed(Transcript transcript, Ipv4Address address, CurlUrl url, String errno, Duration after) {
        clock.advance(after);
        transcript.verbose("* connect to " + address + " port " + url.port() + " failed: " + errno);
        return CurlFailure.of(7, "Failed to connect to " + url.host() + " port " + url.port() + " after "
                + after.toMillis() + " ms: Couldn't connect to server");
    }

    /** How long curl waits for a connection, and which limit ends the wait: -m, --connect-timeout, or the kernel's. */
    private record Limit(Duration after, String kind) {

        CurlFailure failure(String where) {
            return switch (kind) {
                case "max-time" -> CurlFailure.of(28, "Connection timed out after " + after.toMillis() + " milliseconds");
                case "connect-timeout" -> CurlFailure.of(28, "Failed to connect to " + where + " after "
                        + after.toMillis() + " ms: Timeout was reached");
                default -> CurlFailure.of(28, "Failed to connect to " + where + " after " + after.toMillis()
                        + " ms: Couldn't connect to server");
            };
        }
    }

    private static Limit limit(CurlOptions options) {
        Limit limit = new Limit(Connector.KERNEL_CONNECT_TIMEOUT, "kernel");
        Optional<Duration> maxTime = options.maxTime().map(CurlCommand::duration);
        Optional<Duration> connect = options.connectTimeout().map(CurlCommand::duration);
        if (maxTime.isPresent() && maxTime.get().compareTo(limit.after()) < 0) {
            limit = new Limit(maxTime.get(), "max-time");
        }
        if (connect.isPresent() && connect.get().compareTo(limit.after()) < 0) {
            limit = new Limit(connect.get(), "connect-timeout");
        }
        return limit;
    }

    private static Duration duration(double seconds) {
        return Duration.ofMillis(Math.round(seconds * 1000));
    }

    private static Map<String, String> variables(CurlUrl url, Ipv4Address address, Exchange.Answered answered,
            HttpResponse response) {
        int crossings = answered.request().namespaces().size() + answered.reply().namespaces().size() - 2;
        double seconds = 0.000050 * Math.max(1, crossings);
        Map<String, String> vars = new LinkedHashMap<>();
        vars.put("http_code", String.format("%03d", response.status()));
        vars.put("response_code", String.format("%03d", response.status()));
        vars.put("remote_ip", address.toString());
        vars.put("remote_port", String.valueOf(url.port()));
        vars.put("size_download", String.valueOf(response.body().length()));
        vars.put("content_type", response.header("Content-Type").orElse(""));
        vars.put("url_effective", "http://" + url.hostHeader() + url.target());
        vars.put("num_connects", "1");
        vars.put("exitcode", "0");
        vars.put("errormsg", "");
        for (String timing : List.of("time_namelookup", "time_connect", "time_starttransfer", "time_total")) {
            vars.put(timing, String.format("%.6f", timing.equals("time_namelookup") ? 0.000010 : seconds));
        }
        return vars;
    }
}
