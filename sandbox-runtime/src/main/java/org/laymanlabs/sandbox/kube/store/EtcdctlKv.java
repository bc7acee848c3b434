package org.laymanlabs.sandbox.kube.store;

import java.util.ArrayList;
import java.util.List;
import org.laymanlabs.sandbox.kube.store.EtcdctlArgs.Exit;
import org.laymanlabs.sandbox.kube.store.mvcc.DeleteRangeRequest;
import org.laymanlabs.sandbox.kube.store.mvcc.DeleteRangeResponse;
import org.laymanlabs.sandbox.kube.store.mvcc.Event;
import org.laymanlabs.sandbox.kube.store.mvcc.KeyRange;
import org.laymanlabs.sandbox.kube.store.mvcc.KeyValue;
import org.laymanlabs.sandbox.kube.store.mvcc.PutRequest;
import org.laymanlabs.sandbox.kube.store.mvcc.PutResponse;
import org.laymanlabs.sandbox.kube.store.mvcc.RangeRequest;
import org.laymanlabs.sandbox.kube.store.mvcc.RangeResponse;

/**
 * Mirrors etcdctl/ctlv3/command put_command.go, get_command.go, del_command.go,
 * watch_command.go and compaction_command.go, with printer_simple.go's output.
 */
final class EtcdctlKv {

    private final EtcdCluster cluster;
    private final EtcdClient client;
    private final EtcdctlArgs args;
    private final String format;
    private final StringBuilder out;
    private final StringBuilder err;

    EtcdctlKv(EtcdCluster cluster, EtcdClient client, EtcdctlArgs args, String format, StringBuilder out,
              StringBuilder err) {
        this.cluster = cluster;
        this.client = client;
        this.args = args;
        this.format = format;
        this.out = out;
        this.err = err;
    }

    int put(List<String> rest, String stdin) {
        if (rest.isEmpty() || rest.size() > 2 || (rest.size() == 1 && stdin.isEmpty())) {
            throw new Exit(Exit.BAD_ARGS, "put command needs 1 argument and input from stdin or 2 arguments");
        }
        refuseTable();
        PutRequest request = new PutRequest(rest.get(0), rest.size() == 2 ? rest.get(1) : stdin, args.has("prev-kv"));
        Call<PutResponse> call = client.put(request);
        PutResponse response = await(call);
        if (format.equals("json")) {
            out.append(EtcdctlJson.put(call.header().orElseThrow(), response)).append('\n');
        } else {
            out.append("OK\n");
            response.prevKv().ifPresent(this::printKv);
        }
        return 0;
    }

    int get(List<String> rest) {
        if (rest.isEmpty()) {
            throw new Exit(Exit.BAD_ARGS, "get command needs one argument as key and an optional argument as range_end");
        }
        String consistency = args.value("consistency", "l");
        if (!consistency.equals("l") && !consistency.equals("s")) {
            throw new Exit(Exit.BAD_FEATURE, "unknown consistency flag \"" + consistency + "\"");
        }
        refuseTable();
        if (args.has("print-value-only") && !format.equals("simple")) {
            throw new Exit(Exit.BAD_ARGS, "print-value-only is only for `--write-out=simple`");
        }
        RangeRequest request = RangeRequest.of(range(rest)).withLimit(Math.max(0, args.number("limit")));
        long rev = args.number("rev");
        request = rev > 0 ? request.atRevision(rev) : request;
        request = args.has("keys-only") ? request.withKeysOnly() : request;
        request = consistency.equals("s") ? request.withSerializable() : request;
        Call<RangeResponse> call = client.range(request);
        RangeResponse response = await(call);
        if (format.equals("json")) {
            out.append(EtcdctlJson.get(call.header().orElseThrow(), response)).append('\n');
        } else {
            response.kvs().forEach(this::printKv);
        }
        return 0;
    }

    int del(List<String> rest) {
        if (rest.isEmpty() || rest.size() > 2) {
            throw new Exit(Exit.BAD_ARGS, "del command needs one argument as key and an optional argument as range_end");
        }
        refuseTable();
        DeleteRangeRequest request = new DeleteRangeRequest(range(rest), args.has("prev-kv"));
        Call<DeleteRangeResponse> call = client.deleteRange(request);
        DeleteRangeResponse response = await(call);
        if (format.equals("json")) {
            out.append(EtcdctlJson.delete(call.header().orElseThrow(), response)).append('\n');
        } else {
            out.append(response.deleted()).append('\n');
            response.prevKvs().forEach(this::printKv);
        }
        return 0;
    }

    /** Prints the events from --rev up to now; the sandbox shell cannot keep a watch open. */
    int watch(List<String> rest) {
        if (rest.isEmpty()) {
            throw new Exit(Exit.BAD_ARGS, "bad number of arguments");
        }
        if (rest.size() == 2 && args.has("prefix")) {
            throw new Exit(Exit.BAD_ARGS, "`range_end` and `--prefix` are mutually exclusive");
        }
        WatchRequest request = new WatchRequest(range(rest), args.number("rev"), args.has("prev-kv"));
        List<WatchResponse> responses = new ArrayList<>();
        Watch watch = client.watch(request, responses::add);
        watch.cancel();
        for (WatchResponse response : responses) {
            if (response.canceled()) {
                err.append("watch was canceled (").append(response.cancelReason().orElseThrow().message()).append(")\n");
                throw new Exit(Exit.INTERRUPTED, "watch is canceled by the server");
            }
            response.events().forEach(this::printEvent);
        }
        return 0;
    }

    int compaction(List<String> rest) {
        if (rest.size() != 1) {
            throw new Exit(Exit.BAD_ARGS, "compaction command needs 1 argument");
        }
        long revision;
        try {
            revision = Long.parseLong(rest.get(0));
        } catch (NumberFormatException e) {
            throw new Exit(Exit.ERROR, "strconv.ParseInt: parsing \"" + rest.get(0) + "\": invalid syntax");
        }
        await(client.compact(revision));
        out.append("compacted revision ").append(revision).append('\n');
        return 0;
    }

    /** The key, a prefix (an empty prefix meaning every key), or [key, range_end). */
    private KeyRange range(List<String> rest) {
        String key = rest.get(0);
        if (args.has("prefix")) {
            if (rest.size() > 1) {
                throw new Exit(Exit.BAD_ARGS, "too many arguments, only accept one argument when `--prefix` or `--from-key` is set");
            }
            return key.isEmpty() ? new KeyRange(KeyRange.FROM_KEY, KeyRange.FROM_KEY) : KeyRange.prefix(key);
        }
        return rest.size() > 1 ? new KeyRange(key, rest.get(1)) : KeyRange.single(key);
    }

    /**
     * etcdctl checks the output format only when printing, after the request ran; this checks it
     * first, so that a refused command never changes the store.
     */
    private void refuseTable() {
        if (format.equals("table")) {
            throw new Exit(Exit.BAD_FEATURE, "table not supported as output format");
        }
    }

    private <T> T await(Call<T> call) {
        try {
            return cluster.await(call);
        } catch (EtcdException e) {
            throw new Exit(Exit.ERROR, e.getMessage());
        }
    }

    /** printer_simple.go printKV: the key (unless --print-value-only), then the value. */
    private void printKv(KeyValue kv) {
        if (!args.has("print-value-only")) {
            out.append(kv.key()).append('\n');
        }
        out.append(kv.value()).append('\n');
    }

    private void printEvent(Event event) {
        out.append(event.type()).append('\n');
        event.prevKv().ifPresent(this::printKv);
        printKv(event.kv());
    }
}
