package org.laymanlabs.sandbox.container.program;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.laymanlabs.sandbox.CommandResult;
import org.laymanlabs.sandbox.net.HomeNamespace;
import org.laymanlabs.sandbox.net.Ipv4Address;
import org.laymanlabs.sandbox.net.curl.HostResolver;
import org.laymanlabs.sandbox.net.ipv4.Connector;
import org.laymanlabs.sandbox.net.ipv4.Exchange;
import org.laymanlabs.sandbox.shell.Command;
import org.laymanlabs.sandbox.shell.Invocation;

/**
 * redis-cli in a container ({@code docker exec cache redis-cli SET k v}): one command to
 * {@code -h} (127.0.0.1) and {@code -p} (6379) over the simulated network, its reply printed as
 * redis-cli prints it when stdout is not a terminal.
 */
public final class RedisCli implements Command {

    private final Connector connector;
    private final HomeNamespace home;
    private final HostResolver resolver;

    public RedisCli(Connector connector, HomeNamespace home, HostResolver resolver) {
        this.connector = connector;
        this.home = home;
        this.resolver = resolver;
    }

    @Override
    public String name() {
        return "redis-cli";
    }

    @Override
    public String usage() {
        return "redis-cli [-h host] [-p port] [cmd [arg [arg ...]]]";
    }

    @Override
    public String summary() {
        return "Send one command to a Redis server.";
    }

    @Override
    public CommandResult run(Invocation invocation) {
        String host = "127.0.0.1";
        int port = 6379;
        List<String> command = new ArrayList<>();
        List<String> args = invocation.args();
        for (int i = 0; i < args.size(); i++) {
            if (args.get(i).equals("-h") && i + 1 < args.size()) {
                host = args.get(++i);
            } else if (args.get(i).equals("-p") && i + 1 < args.size()) {
                port = Integer.parseInt(args.get(++i));
            } else {
                command.add(args.get(i));
            }
        }
        if (command.isEmpty()) {
            return CommandResult.error("redis-cli: an interactive session needs a terminal; give a command, such as redis-cli PING\n", 1);
        }
        Optional<Ipv4Address> address = resolver.resolve(host);
        if (address.isEmpty()) {
            return CommandResult.error("Could not connect to Redis at " + host + ":" + port
                    + ": Name or service not known\n", 1);
        }
        Exchange exchange = connector.exchange(home.get(), address.get(), port, Resp.command(command));
        if (exchange instanceof Exchange.Answered answered) {
            return CommandResult.ok(Resp.render(answered.response()));
        }
        return CommandResult.error("Could not connect to Redis at " + host + ":" + port + ": Connection refused\n", 1);
    }
}
