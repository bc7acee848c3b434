package org.laymanlabs.backend.http;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * A response body in chunks (RFC 9112 §7.1), each write sent at once as Go's flushing writers do:
 * a watch or a log stream of the Kubernetes API, a build or a log stream of the Engine API.
 */
public final class ChunkedOutput extends OutputStream {

    private final OutputStream out;
    private boolean closed;

    public ChunkedOutput(OutputStream out) {
        this.out = out;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        if (length == 0) {
            return;
        }
        out.write((Integer.toHexString(length) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        out.write(bytes, offset, length);
        out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    /** The last chunk; the connection stays open for the next request. */
    @Override
    public void close() throws IOException {
        if (!closed) {
            closed = true;
            out.write("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
        }
    }
}
