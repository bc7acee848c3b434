package org.laymanlabs.backend.engineapi;

import java.io.IOException;
import java.io.InputStream;

/** A request body of exactly Content-Length bytes, so that the next request on the connection starts after it. */
final class BoundedBody extends InputStream {

    private final InputStream in;
    private long left;

    BoundedBody(InputStream in, long length) {
        this.in = in;
        this.left = length;
    }

    @Override
    public int read() throws IOException {
        if (left <= 0) {
            return -1;
        }
        int b = in.read();
        if (b != -1) {
            left--;
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (left <= 0) {
            return -1;
        }
        int n = in.read(buffer, offset, (int) Math.min(length, left));
        if (n > 0) {
            left -= n;
        }
        return n;
    }
}
