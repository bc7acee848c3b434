package org.laymanlabs.sandbox.kube.store;

import java.util.ArrayList;
import java.util.List;
import org.laymanlabs.sandbox.kube.store.EtcdctlArgs.Exit;

/**
 * Mirrors etcdctl/ctlv3/command member_command.go ({@code member list}) and ep_command.go
 * ({@code endpoint status}), with printer.go's rows and printer_table.go's tables.
 */
final class EtcdctlCluster {

    private final EtcdCluster cluster;
    private final EtcdClient client;
    private final EtcdctlArgs args;
    private final String format;
    private final StringBuilder out;
    private final StringBuilder err;

    EtcdctlCluster(EtcdCluster cluster, EtcdClient client, EtcdctlArgs args, String format, StringBuilder out,
                   StringBuilder err) {
        this.cluster = cluster;
        this.client = client;
        this.args = args;
        this.format = format;
        this.out = out;
        this.err = err;
    }

    int member(List<String> rest) {
        if (rest.size() != 1 || !rest.get(0).equals("list")) {
            throw new Exit(Exit.ERROR, "unknown command \"" + String.join(" ", rest) + "\" for \"etcdctl member\"");
        }
        Call<List<MemberInfo>> call = client.memberList();
        List<MemberInfo> members = await(call);
        List<List<String>> rows = members.stream().map(m -> List.of(Long.toHexString(m.id()), m.status(), m.name(),
                String.join(",", m.peerUrls()), String.join(",", m.clientUrls()), Boolean.toString(m.isLearner()))).toList();
        switch (format) {
            case "json" -> out.append(EtcdctlJson.memberList(call.header().orElseThrow(), members)).append('\n');
            case "table" -> out.append(AsciiTable.render(
                    List.of("ID", "Status", "Name", "Peer Addrs", "Client Addrs", "Is Learner"), rows));
            default -> rows.forEach(row -> out.append(String.join(", ", row)).append('\n'));
        }
        return 0;
    }

    int endpoint(List<String> rest) {
        if (rest.size() != 1 || !rest.get(0).equals("status")) {
            throw new Exit(Exit.ERROR, "unknown command \"" + String.join(" ", rest) + "\" for \"etcdctl endpoint\"");
        }
        List<EtcdctlJson.EndpointStatus> statuses = new ArrayList<>();
        boolean failed = false;
        for (String endpoint : endpoints()) {
            try {
                statuses.add(new EtcdctlJson.EndpointStatus(endpoint, cluster.await(client.status(endpoint))));
            } catch (EtcdException e) {
                failed = true;
                err.append("Failed to get the status of endpoint ").append(endpoint)
                        .append(" (").append(e.getMessage()).append(")\n");
            }
        }
        List<List<String>> rows = statuses.stream().map(EtcdctlCluster::row).toList();
        switch (format) {
            case "json" -> out.append(EtcdctlJson.endpointStatus(statuses)).append('\n');
            case "table" -> out.append(AsciiTable.render(List.of("endpoint", "ID", "version", "db size", "is leader",
                    "is learner", "raft term", "raft index", "raft applied index", "errors"), rows));
            default -> rows.forEach(row -> out.append(String.join(", ", row)).append('\n'));
        }
        return failed ? Exit.ERROR : 0;
    }

    /** --cluster asks the members for every client URL instead of using --endpoints. */
    private List<String> endpoints() {
        if (!args.has("cluster")) {
            return client.endpoints();
        }
        return await(client.memberList()).stream().flatMap(m -> m.clientUrls().stream()).toList();
    }

    private static List<String> row(EtcdctlJson.EndpointStatus s) {
        StatusResponse status = s.status();
        return List.of(s.endpoint(), Long.toHexString(status.header().memberId()), status.version(),
                Humanize.bytes(status.dbSize()), Boolean.toString(status.leader() == status.header().memberId()),
                Boolean.toString(status.isLearner()), Long.toString(status.raftTerm()),
                Long.toString(status.raftIndex()), Long.toString(status.raftAppliedIndex()),
                String.join(", ", status.errors()));
    }

    private <T> T await(Call<T> call) {
        try {
            return cluster.await(call);
        } catch (EtcdException e) {
            throw new Exit(Exit.ERROR, e.getMessage());
        }
    }
}
