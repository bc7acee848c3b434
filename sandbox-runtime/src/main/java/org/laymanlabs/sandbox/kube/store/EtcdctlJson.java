package org.laymanlabs.sandbox.kube.store;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.StringJoiner;
import org.laymanlabs.sandbox.image.json.JsonWriter;
import org.laymanlabs.sandbox.kube.store.mvcc.DeleteRangeResponse;
import org.laymanlabs.sandbox.kube.store.mvcc.KeyValue;
import org.laymanlabs.sandbox.kube.store.mvcc.PutResponse;
import org.laymanlabs.sandbox.kube.store.mvcc.RangeResponse;

/**
 * etcdctl -w json: Go's encoding/json of the gRPC responses. Field names and omitempty come from
 * the etcdserverpb and mvccpb structs; byte fields (keys, values) are base64; IDs are unsigned.
 */
final class EtcdctlJson {

    private EtcdctlJson() {
    }

    /** Collects "name":value pairs, leaving out Go's zero values as omitempty does. */
    private static final class Fields {
        private final StringJoiner joiner = new StringJoiner(",", "{", "}");

        Fields number(String name, long value) {
            return value == 0 ? this : raw(name, Long.toString(value));
        }

        Fields unsigned(String name, long value) {
            return value == 0 ? this : raw(name, Long.toUnsignedString(value));
        }

        Fields text(String name, String value) {
            return value.isEmpty() ? this : raw(name, quote(value));
        }

        Fields bytes(String name, String value) {
            return value.isEmpty() ? this : raw(name, quote(base64(value)));
        }

        Fields flag(String name, boolean value) {
            return value ? raw(name, "true") : this;
        }

        Fields texts(String name, List<String> values) {
            return values.isEmpty() ? this : raw(name, array(values.stream().map(EtcdctlJson::quote).toList()));
        }

        Fields raw(String name, String json) {
            joiner.add(quote(name) + ":" + json);
            return this;
        }

        @Override
        public String toString() {
            return joiner.toString();
        }
    }

    static String header(ResponseHeader header) {
        return new Fields().unsigned("cluster_id", header.clusterId()).unsigned("member_id", header.memberId())
                .number("revision", header.revision()).unsigned("raft_term", header.raftTerm()).toString();
    }

    static String keyValue(KeyValue kv) {
        return new Fields().bytes("key", kv.key()).number("create_revision", kv.createRevision())
                .number("mod_revision", kv.modRevision()).number("version", kv.version())
                .bytes("value", kv.value()).toString();
    }

    static String get(ResponseHeader header, RangeResponse response) {
        Fields fields = new Fields().raw("header", header(header));
        if (!response.kvs().isEmpty()) {
            fields.raw("kvs", array(response.kvs().stream().map(EtcdctlJson::keyValue).toList()));
        }
        return fields.flag("more", response.more()).number("count", response.count()).toString();
    }

    static String put(ResponseHeader header, PutResponse response) {
        Fields fields = new Fields().raw("header", header(header));
        response.prevKv().ifPresent(kv -> fields.raw("prev_kv", keyValue(kv)));
        return fields.toString();
    }

    static String delete(ResponseHeader header, DeleteRangeResponse response) {
        Fields fields = new Fields().raw("header", header(header)).number("deleted", response.deleted());
        if (!response.prevKvs().isEmpty()) {
            fields.raw("prev_kvs", array(response.prevKvs().stream().map(EtcdctlJson::keyValue).toList()));
        }
        return fields.toString();
    }

    static String memberList(ResponseHeader header, List<MemberInfo> members) {
        List<String> items = members.stream().map(m -> new Fields().unsigned("ID", m.id()).text("name", m.name())
                .texts("peerURLs", m.peerUrls()).texts("clientURLs", m.clientUrls())
                .flag("isLearner", m.isLearner()).toString()).toList();
        return new Fields().raw("header", header(header)).raw("members", array(items)).toString();
    }

    record EndpointStatus(String endpoint, StatusResponse status) {
    }

    static String endpointStatus(List<EndpointStatus> statuses) {
        return array(statuses.stream().map(s -> new Fields().raw("Endpoint", quote(s.endpoint()))
                .raw("Status", status(s.status())).toString()).toList());
    }

    private static String status(StatusResponse s) {
        return new Fields().raw("header", header(s.header())).text("version", s.version()).number("dbSize", s.dbSize())
                .unsigned("leader", s.leader()).unsigned("raftIndex", s.raftIndex()).unsigned("raftTerm", s.raftTerm())
                .unsigned("raftAppliedIndex", s.raftAppliedIndex()).texts("errors", s.errors())
                .number("dbSizeInUse", s.dbSizeInUse()).flag("isLearner", s.isLearner()).toString();
    }

    private static String array(List<String> items) {
        return "[" + String.join(",", items) + "]";
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Go's encoding/json string escaping, as {@link JsonWriter} writes it for Docker's output. */
    static String quote(String text) {
        StringBuilder out = new StringBuilder();
        JsonWriter.quote(out, text);
        return out.toString();
    }
}
