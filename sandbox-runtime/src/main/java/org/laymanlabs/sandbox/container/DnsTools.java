package org.laymanlabs.sandbox.container;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.laymanlabs.sandbox.net.dns.DnsClient;
import org.laymanlabs.sandbox.net.dnsutils.BusyboxNslookup;
import org.laymanlabs.sandbox.net.dnsutils.Dig;
import org.laymanlabs.sandbox.net.dnsutils.Nslookup;
import org.laymanlabs.sandbox.net.dnsutils.ResolvConf;
import org.laymanlabs.sandbox.net.ipv4.Connector;
import org.laymanlabs.sandbox.shell.Command;
import org.laymanlabs.sandbox.time.VirtualClock;

/**
 * The DNS tools a container's image holds: bind9's dig and nslookup where dnsutils put them,
 * busybox's own nslookup applet where busybox is the binary. Both read the container's
 * /etc/resolv.conf and send their queries from its namespace.
 */
final class DnsTools {

    private DnsTools() {
    }

    static List<Command> of(PathSearch search, Container container, Connector connector, VirtualClock clock) {
        List<Command> tools = new ArrayList<>();
        DnsClient client = new DnsClient(connector, clock, new SplittableRandom(container.id().hashCode()));
        ResolvConf resolvConf = () -> container.files().exists("/etc/resolv.conf")
                ? container.files().read("/etc/resolv.conf") : "";
        Optional<String> nslookup = search.kind("nslookup");
        if (nslookup.filter("nslookup"::equals).isPresent()) {
            tools.add(new Nslookup(client, () -> container.namespace, resolvConf));
        } else if (nslookup.filter("busybox"::equals).isPresent()) {
            tools.add(new BusyboxNslookup(client, () -> container.namespace, resolvConf));
        }
        if (search.kind("dig").filter("dig"::equals).isPresent()) {
            tools.add(new Dig(client, () -> container.namespace, resolvConf, clock));
        }
        return tools;
    }
}
