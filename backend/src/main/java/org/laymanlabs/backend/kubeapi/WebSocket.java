package org.laymanlabs.backend.kubeapi;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * The server's side of RFC 6455, as far as kube-apiserver's streams use it (apimachinery
 * util/httpstream/wsstream): the handshake with a chosen subprotocol, unmasked frames out, masked
 * frames in. Writes are synchronized: a watch writes from one thread while pongs answer pings.
 */
final class WebSocket {

    static final int TEXT = 1;
    static final int BINARY = 2;
    static final int CLOSE = 8;
    static final int PING = 9;
    static final int PONG = 10;
    private static final String GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

    /** One frame from the client, unmasked. */
    record Frame(int opcode, byte[] payload) {
    }

    private final InputStream in;
    private final OutputStream out;

    private WebSocket(InputStream in, OutputStream out) {
        this.in = in;
        this.out = out;
    }

    /**
     * Answers the handshake with the first of {@code supported} the client offered (kube-apiserver
     * picks in its own order of preference), or none when the client offered none of them.
     */
    static WebSocket accept(HttpRequest request, HttpResponse response, InputStream in, List<String> supported)
            throws IOException {
        String key = request.header("sec-websocket-key").orElse("");
        List<String> offered = request.header("sec-websocket-protocol").map(p -> Arrays.stream(p.split(","))
                .map(String::trim).toList()).orElse(List.of());
        String protocol = supported.stream().filter(offered::contains).findFirst().orElse("");
        return new WebSocket(in, response.webSocket(acceptKey(key), protocol));
    }

    /** The protocol the client offered that {@code supported} names first, if any. */
    static Optional<String> chosen(HttpRequest request, List<String> supported) {
        List<String> offered = request.header("sec-websocket-protocol").map(p -> Arrays.stream(p.split(","))
                .map(String::trim).toList()).orElse(List.of());
        return supported.stream().filter(offered::contains).findFirst();
    }

    static String acceptKey(String key) {
        try {
            byte[] sha1 = MessageDigest.getInstance("SHA-1").digest((key + GUID).getBytes(StandardCharsets.ISO_8859_1));
            return Base64.getEncoder().encodeToString(sha1);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-1", e);
        }
    }

    synchronized void send(int opcode, byte[] payload) throws IOException {
        ByteArrayOutputStream frame = new ByteArrayOutputStream(payload.length + 10);
        frame.write(0x80 | opcode);
        if (payload.length < 126) {
            frame.write(payload.length);
        } else if (payload.length < 65536) {
            frame.write(126);
            frame.write(payload.length >>> 8);
            frame.write(payload.length & 0xff);
        } else {
            frame.write(127);
            for (int shift = 56; shift >= 0; shift -= 8) {
                frame.write((int) ((long) payload.length >>> shift) & 0xff);
            }
        }
        frame.write(payload);
        out.write(frame.toByteArray());
        out.flush();
    }

    /** A normal closure (1000). */
    void close() throws IOException {
        send(CLOSE, new byte[] {0x03, (byte) 0xe8});
    }

    /** The next frame, or empty when the client closed the connection. Fragments are not joined: clients here send none. */
    Optional<Frame> read() throws IOException {
        DataInputStream data = new DataInputStream(in);
        int first = in.read();
        if (first == -1) {
            return Optional.empty();
        }
        int second = data.readUnsignedByte();
        long length = second & 0x7f;
        if (length == 126) {
            length = data.readUnsignedShort();
        } else if (length == 127) {
            length = data.readLong();
        }
        if (length > HttpRequest.MAX_BODY) {
            throw new IOException("WebSocket frame too large");
        }
        byte[] mask = new byte[4];
        if ((second & 0x80) != 0) {
            data.readFully(mask);
        }
        byte[] payload = new byte[(int) length];
        data.readFully(payload);
        for (int i = 0; i < payload.length; i++) {
            payload[i] ^= mask[i % 4];
        }
        return Optional.of(new Frame(first & 0x0f, payload));
    }
}
