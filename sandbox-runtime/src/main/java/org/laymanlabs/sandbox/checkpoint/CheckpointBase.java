package org.laymanlabs.sandbox.checkpoint;

import com.github.luben.zstd.ZstdDictCompress;
import com.github.luben.zstd.ZstdDictDecompress;
import java.util.zip.CRC32C;

/**
 * What checkpoints of one lab are stored against: the lab's sandbox as it is just built, written
 * out. Zstandard takes it as a dictionary, so a checkpoint costs about what the learner changed
 * (a fresh cluster's checkpoint shrinks from ~50 KB to under 10 KB), and restoring one needs the
 * same base again. Every server builds it the same way from the same lab, seed and instant, and a
 * checkpoint names the base it needs by checksum, so a base built differently is refused, never misread.
 */
public final class CheckpointBase {

    /** Zstandard's default level: a few milliseconds for a checkpoint, and most of the gain. */
    static final int LEVEL = 3;

    private final long id;
    private final ZstdDictCompress compress;
    private final ZstdDictDecompress decompress;

    CheckpointBase(byte[] graph) {
        CRC32C crc = new CRC32C();
        crc.update(graph);
        // Never 0: a checkpoint's base id 0 means "no base".
        this.id = (crc.getValue() << 32 | graph.length) | 1L << 63;
        this.compress = new ZstdDictCompress(graph, LEVEL);
        this.decompress = new ZstdDictDecompress(graph);
    }

    long id() {
        return id;
    }

    ZstdDictCompress compress() {
        return compress;
    }

    ZstdDictDecompress decompress() {
        return decompress;
    }
}
