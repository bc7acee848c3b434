package org.laymanlabs.backend.engineapi;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * Carries a container's or an exec's output from the sandbox's thread, which must never wait on a
 * client, to the connection's thread, which writes it. Without a TTY each write becomes one frame
 * of moby's stdcopy format: {@code [stream, 0, 0, 0, size as 4 bytes big-endian]} then the bytes,
 * stream 1 for stdout and 2 for stderr; with a TTY the bytes go as they are.
 */
final class OutputPipe {

    static final int STDOUT = 1;
    static final int STDERR = 2;
    private static final byte[] END = new byte[0];

    private final BlockingQueue<byte[]> queue = new LinkedBlockingQueue<>();
    private final boolean multiplexed;

    OutputPipe(boolean multiplexed) {
        this.multiplexed = multiplexed;
    }

    boolean multiplexed() {
        return multiplexed;
    }

    /** Called on the sandbox's thread. */
    void write(int stream, String text) {
        byte[] payload = text.getBytes(StandardCharsets.UTF_8);
        if (payload.length == 0) {
            return;
        }
        queue.add(multiplexed ? frame(stream, payload) : payload);
    }

    /** Called on the sandbox's thread once nothing more will be written. */
    void end() {
        queue.add(END);
    }

    static byte[] frame(int stream, byte[] payload) {
        byte[] framed = new byte[8 + payload.length];
        framed[0] = (byte) stream;
        framed[4] = (byte) (payload.length >>> 24);
        framed[5] = (byte) (payload.length >>> 16);
        framed[6] = (byte) (payload.length >>> 8);
        framed[7] = (byte) payload.length;
        System.arraycopy(payload, 0, framed, 8, payload.length);
        return framed;
    }

    /**
     * Copies everything to {@code out} until the end; false if the client went away first, in
     * which case the caller stops whatever was writing.
     */
    boolean drainTo(OutputStream out) throws InterruptedException {
        try {
            for (byte[] next = queue.take(); next != END; next = queue.take()) {
                out.write(next);
                if (queue.isEmpty()) {
                    out.flush();
                }
            }
            out.flush();
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
