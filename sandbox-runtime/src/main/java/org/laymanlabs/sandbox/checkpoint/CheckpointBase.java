package org.laymanlabs.sandbox.checkpoint;

import com.github.luben.zstd.Zstd;
import com.github.luben.zstd.ZstdDictCompress;
import com.github.luben.zstd.ZstdDictDecompress;
import com.github.luben.zstd.ZstdException;
import java.util.Arrays;
import java.util.zip.CRC32C;

/**
 * What checkpoints of one lab are stored against: the lab's sandbox as it is just built, written
 * out. Zstandard takes it as a dictionary, so a checkpoint costs about what the learner changed
 * (a fresh cluster's checkpoint shrinks from ~50 KB to under 10 KB), and restoring one needs the
 * same base again. A checkpoint names its base by checksum, so another base is refused, never
 * misread. A base built again in another JVM is not yet the same bytes ({@code Map.of}'s order
 * and enums' hashes differ from one JVM to the next), so a server keeps each base it stores against ({@link #stored()})
 * beside the checkpoints, and reads it back ({@link #fromStored}) after a restart or on another replica.
 */
public final class CheckpointBase {

    /**
     * Zstandard's level 9: about ten milliseconds for a checkpoint of a busy cluster, once per
     * eviction and off the learner's path, for a quarter less than the default level 3 gives.
     * Reading one back costs the same at any level. Levels above 12 cost ten times as much for a
     * few per cent more.
     */
    static final int LEVEL = 9;
    /**
     * A window of 16 MB, so that the whole base stays in reach while the graph is compressed: at
     * the level's own choice (2 to 4 MB for inputs this size) the base's start falls out of reach
     * once a cluster's graph passes a megabyte or two, and what it shares with the base is stored again.
     */
    static final int WINDOW_LOG = 24;
    private static final byte[] MAGIC = {'L', 'L', 'C', 'B'};

    private final long id;
    private final byte[] stored;
    private final ZstdDictCompress compress;
    private final ZstdDictDecompress decompress;

    CheckpointBase(byte[] graph) {
        this(graph, null);
    }

    private CheckpointBase(byte[] graph, byte[] stored) {
        CRC32C crc = new CRC32C();
        crc.update(graph);
        // Never 0: a checkpoint's base id 0 means "no base".
        this.id = (crc.getValue() << 32 | graph.length) | 1L << 63;
        this.stored = stored != null ? stored.clone() : frame(graph);
        this.compress = new ZstdDictCompress(graph, LEVEL);
        this.decompress = new ZstdDictDecompress(graph);
    }

    /** The base {@link #stored()} wrote; refused when the bytes are not one, or are damaged. */
    public static CheckpointBase fromStored(byte[] stored) {
        if (stored.length < MAGIC.length + 8 || !Arrays.equals(stored, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            throw new CheckpointRefused("not a stored checkpoint base");
        }
        long id = java.nio.ByteBuffer.wrap(stored, MAGIC.length, 8).getLong();
        int length = (int) id;
        if (length <= 0 || length > 256 * 1024 * 1024) {
            throw new CheckpointRefused("the stored checkpoint base is damaged: it claims " + length + " bytes");
        }
        byte[] graph = new byte[length];
        try {
            long n = Zstd.decompressByteArray(graph, 0, length, stored, MAGIC.length + 8, stored.length - MAGIC.length - 8);
            if (Zstd.isError(n) || n != length) {
                throw new CheckpointRefused("the stored checkpoint base is damaged: it holds " + n + " bytes, not " + length);
            }
        } catch (ZstdException e) {
            throw new CheckpointRefused("the stored checkpoint base is damaged: " + e.getMessage(), e);
        }
        CheckpointBase base = new CheckpointBase(graph, stored);
        if (base.id != id) {
            throw new CheckpointRefused("the stored checkpoint base is damaged: its contents fail their checksum");
        }
        return base;
    }

    /** What this base's checkpoints name it by: its graph's CRC-32C and length. */
    public long id() {
        return id;
    }

    /** The base as a server keeps it: "LLCB", its id, and its graph Zstandard-compressed (about 60 KB for a cluster's 1.2 MB). */
    public byte[] stored() {
        return stored.clone();
    }

    private byte[] frame(byte[] graph) {
        byte[] compressed = Zstd.compress(graph, LEVEL);
        return java.nio.ByteBuffer.allocate(MAGIC.length + 8 + compressed.length).put(MAGIC).putLong(id).put(compressed).array();
    }

    ZstdDictCompress compress() {
        return compress;
    }

    ZstdDictDecompress decompress() {
        return decompress;
    }
}
