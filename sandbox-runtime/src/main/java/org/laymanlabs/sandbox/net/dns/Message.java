package org.laymanlabs.sandbox.net.dns;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A DNS message (RFC 1035 §4.1): header, question, answer, authority and additional sections.
 * {@link #encode()} writes it with name compression; {@link #decode(byte[])} reads one, pointers
 * and all, and rejects what is malformed.
 */
public record Message(Header header, List<Question> questions, List<ResourceRecord> answers,
                      List<ResourceRecord> authority, List<ResourceRecord> additional) {

    /** The largest response sent over UDP to a client that offers no EDNS buffer (RFC 1035 §4.2.1). */
    public static final int UDP_LIMIT = 512;

    public Message {
        Objects.requireNonNull(header, "header");
        questions = List.copyOf(questions);
        answers = List.copyOf(answers);
        authority = List.copyOf(authority);
        additional = List.copyOf(additional);
    }

    public static Message query(int id, Question question) {
        return new Message(Header.query(id), List.of(question), List.of(), List.of(), List.of());
    }

    public static Message decode(byte[] wire) {
        return new MessageReader(wire).message();
    }

    public byte[] encode() {
        return new MessageWriter().message(this);
    }

    public Optional<Question> question() {
        return questions.stream().findFirst();
    }

    /** The EDNS pseudo-record, if the sender added one (RFC 6891 §6.1.1). */
    public Optional<ResourceRecord> opt() {
        return additional.stream().filter(r -> r.type().equals(RrType.OPT)).findFirst();
    }

    public Rcode rcode() {
        return header.rcode();
    }

    public Message withAdditional(ResourceRecord record) {
        List<ResourceRecord> more = new ArrayList<>(additional);
        more.add(record);
        return new Message(header, questions, answers, authority, more);
    }

    /**
     * The response as sent in at most {@code limit} bytes, as miekg/dns's Msg.Truncate does for
     * CoreDNS: records are dropped from the end, additional first (the OPT record stays), then
     * authority, then answers; TC is set when an answer or authority record had to go, which
     * tells the client to ask again over TCP.
     */
    public byte[] encode(int limit) {
        byte[] whole = encode();
        if (whole.length <= limit) {
            return whole;
        }
        List<ResourceRecord> extra = new ArrayList<>(additional.stream().filter(r -> r.type().equals(RrType.OPT)).toList());
        List<ResourceRecord> auth = new ArrayList<>(authority);
        List<ResourceRecord> ans = new ArrayList<>(answers);
        boolean cut = false;
        while (true) {
            Message fit = new Message(header.withTruncated(cut), questions, ans, auth, extra);
            byte[] wire = fit.encode();
            if (wire.length <= limit || ans.isEmpty() && auth.isEmpty()) {
                return wire;
            }
            if (!auth.isEmpty()) {
                auth.remove(auth.size() - 1);
            } else {
                ans.remove(ans.size() - 1);
            }
            cut = true;
        }
    }
}
