package org.laymanlabs.sandbox.net.iproute;

import java.util.List;
import org.laymanlabs.sandbox.CommandResult;
import org.laymanlabs.sandbox.net.CurrentNamespace;
import org.laymanlabs.sandbox.net.HomeNamespace;
import org.laymanlabs.sandbox.net.NetlinkException;
import org.laymanlabs.sandbox.net.Network;
import org.laymanlabs.sandbox.net.NetworkNamespace;
import org.laymanlabs.sandbox.shell.Command;
import org.laymanlabs.sandbox.shell.Invocation;

/**
 * Mirrors iproute2's {@code ip} (ip/ip.c): global options, then an object named by any prefix
 * of its name, matched in iproute2's own table order, so {@code ip a}, {@code ip r} and
 * {@code ip l} mean what they mean on Linux.
 */
public final class IpCommand implements Command {

    /** iproute2 6.1's object table, in its order; only some are modelled in the sandbox. */
    private static final List<String> OBJECTS = List.of("address", "addrlabel", "amt", "maddress", "route", "rule",
            "neighbor", "neighbour", "ntable", "ntbl", "link", "l2tp", "fou", "ila", "macsec", "tunnel", "tuntap",
            "tap", "token", "tcpmetrics", "tcp_metrics", "monitor", "xfrm", "mroute", "mrule", "netns", "netconf",
            "vrf", "sr", "nexthop", "mptcp", "ioam", "stats", "help");

    private static final String USAGE = """
            Usage: ip [ OPTIONS ] OBJECT { COMMAND | help }
                   ip [ -force ] -batch filename
            where  OBJECT := { address | addrlabel | amt | fou | help | ila | ioam | l2tp |
                               link | macsec | maddress | monitor | mptcp | mroute | mrule |
                               neighbor | neighbour | netconf | netns | nexthop | ntable |
                               ntbl | route | rule | sr | tap | tcpmetrics |
                               token | tunnel | tuntap | vrf | xfrm }
                   OPTIONS := { -V[ersion] | -s[tatistics] | -d[etails] | -r[esolve] |
                                -h[uman-readable] | -iec | -j[son] | -p[retty] |
                                -f[amily] { inet | inet6 | mpls | bridge | link } |
                                -4 | -6 | -M | -B | -0 |
                                -l[oops] { maximum-addr-flush-attempts } | -br[ief] |
                                -o[neline] | -t[imestamp] | -ts[hort] | -b[atch] [filename] |
                                -rc[vbuf] [size] | -n[etns] name | -N[umeric] | -a[ll] |
                                -c[olor]}
            """;

    private final Network network;
    private final HomeNamespace home;
    private final CurrentNamespace current;

    /** @param home the namespace the shell is in, which {@code ip} acts on unless given {@code -n} */
    public IpCommand(Network network, HomeNamespace home) {
        this.network = network;
        this.home = home;
        this.current = null;
    }

    /** @param current the namespace the shell is in, which {@code ip netns exec} switches for the command it runs */
    public IpCommand(Network network, CurrentNamespace current) {
        this.network = network;
        this.home = current;
        this.current = current;
    }

    @Override
    public String name() {
        return "ip";
    }

    @Override
    public String usage() {
        return "ip [ OPTIONS ] OBJECT { COMMAND | help }";
    }

    @Override
    public String summary() {
        return "Show or change network devices, addresses and routes (ip addr, ip link, ip route, ip netns).";
    }

    @Override
    public CommandResult run(Invocation invocation) {
        try {
            return dispatch(invocation.args(), invocation);
        } catch (IpException e) {
            return CommandResult.error(e.getMessage() + "\n", e.exitCode());
        } catch (NetlinkException e) {
            return CommandResult.error(e.iprouteMessage() + "\n", 2);
        }
    }

    private CommandResult dispatch(List<String> args, Invocation invocation) {
        NetworkNamespace ns = home.get();
        boolean brief = false;
        boolean ipv4Only = false;
        boolean details = false;
        int i = 0;
        for (; i < args.size() && args.get(i).startsWith("-"); i++) {
            String option = args.get(i).startsWith("--") ? args.get(i).substring(1) : args.get(i);
            if (option.equals("-4")) {
                ipv4Only = true;
            } else if (option.length() >= 3 && "-brief".startsWith(option)) {
                brief = true;
            } else if (option.length() >= 2 && "-netns".startsWith(option)) {
                String name = AddressCommands.value(args, ++i);
                ns = network.namespace(name).orElseThrow(() -> new IpException(
                        "Cannot open network namespace \"" + name + "\": No such file or directory", IpException.USAGE));
            } else if (option.length() >= 2 && "-details".startsWith(option)) {
                details = true;
            } else if (!(option.length() >= 2 && "-statistics".startsWith(option))) {
                throw new IpException("Option \"" + args.get(i) + "\" is unknown, try \"ip -help\".", IpException.USAGE);
            }
        }
        if (i >= args.size()) {
            return CommandResult.error(USAGE, IpException.USAGE);
        }
        String word = args.get(i);
        String object = OBJECTS.stream().filter(o -> IpRequest.matches(word, o)).findFirst().orElseThrow(() ->
                new IpException("Object \"" + word + "\" is unknown, try \"ip help\".", 1));
        IpRequest request = new IpRequest(network, ns, brief, ipv4Only, details, args.subList(i + 1, args.size()));
        if (object.equals("netns") && IpRequest.matches(request.verb(), "exec") && current != null) {
            return NetnsExec.run(network, current, request.rest(), invocation);
        }
        return switch (object) {
            case "address" -> AddressCommands.run(request);
            case "link" -> LinkCommands.run(request);
            case "route" -> RouteCommands.run(request);
            case "netns" -> NetnsCommands.run(request);
            case "help" -> CommandResult.error(USAGE, IpException.USAGE);
            default -> throw new IpException("ip " + object + " is not available in the sandbox; "
                    + "it models ip address, ip link, ip route and ip netns.", 1);
        };
    }
}
