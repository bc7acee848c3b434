package org.laymanlabs.backend.engineapi;

import java.io.IOException;
import java.io.InputStream;

/** A request body sent with {@code Transfer-Encoding: chunked} (RFC 9112 §7.1), decoded as it is read. */
final class ChunkedBody extends InputStream {

    private final InputStream in;
    private long left;
    private boolean done;

    ChunkedBody(InputStream in) {
        this.in = in;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) == -1 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        if (!done && left == 0) {
            nextChunk();
        }
        if (done) {
            return -1;
        }
        int n = in.read(buffer, offset, (int) Math.min(length, left));
        if (n == -1) {
            throw new IOException("the client closed the connection inside a chunk");
        }
        left -= n;
        if (left == 0) {
            HttpRequest.line(in);
        }
        return n;
    }

    private void nextChunk() throws IOException {
        String size = HttpRequest.line(in);
        if (size == null) {
            throw new IOException("the client closed the connection before the last chunk");
        }
        int extension = size.indexOf(';');
        left = Long.parseLong((extension < 0 ? size : size.substring(0, extension)).trim(), 16);
        if (left == 0) {
            done = true;
            String trailer;
            do {
                trailer = HttpRequest.line(in);
            } while (trailer != null && !trailer.isEmpty());
        }
    }
}
