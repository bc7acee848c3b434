package org.laymanlabs.sandbox.net.dns;

import java.nio.charset.StandardCharsets;

/**
 * DNS over TCP (RFC 1035 §4.2.2): each message is preceded by its length in two bytes. The
 * sandbox's TCP carries a request and a response as text, so the stream's bytes travel as
 * ISO-8859-1 characters, one character per byte, which keeps every byte value as it is.
 */
public final class TcpFraming {

    private TcpFraming() {
    }

    public static String frame(byte[] message) {
        byte[] stream = new byte[message.length + 2];
        stream[0] = (byte) (message.length >> 8);
        stream[1] = (byte) message.length;
        System.arraycopy(message, 0, stream, 2, message.length);
        return new String(stream, StandardCharsets.ISO_8859_1);
    }

    /** The first message on a stream; a stream cut short of its length prefix is malformed. */
    public static byte[] unframe(String stream) {
        byte[] bytes = stream.getBytes(StandardCharsets.ISO_8859_1);
        if (bytes.length < 2) {
            throw new DnsFormatException("TCP stream shorter than its length prefix");
        }
        int length = (bytes[0] & 0xFF) << 8 | bytes[1] & 0xFF;
        if (bytes.length - 2 < length) {
            throw new DnsFormatException("TCP stream ends before its " + length + "-byte message");
        }
        byte[] message = new byte[length];
        System.arraycopy(bytes, 2, message, 0, length);
        return message;
    }
}
