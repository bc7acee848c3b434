package org.laymanlabs.sandbox.checkpoint;

import com.esotericsoftware.kryo.KryoException;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import com.github.luben.zstd.Zstd;
import com.github.luben.zstd.ZstdCompressCtx;
import com.github.luben.zstd.ZstdException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.zip.CRC32C;
import org.laymanlabs.sandbox.Sandbox;

/**
 * A sandbox's whole state as bytes, and back: its clock with every pending timer, its store's Raft
 * logs, its containers and their processes, its rules and their counters, down to its random
 * generator. Restoring one costs a few milliseconds where replaying a session's journal costs a new
 * sandbox and every input again, which is why a session saves both (the journal is what lasts: a
 * checkpoint is only valid for the build that wrote it, see {@link Layouts}).
 *
 * <p>The format: "LLCP", a version byte, the id of the {@link CheckpointBase} it was compressed
 * against (0 for none), the length and CRC-32C of the graph, then the graph Zstandard-compressed:
 * the number of classes written, each one's name and layout, and the objects as {@link GraphKryo}
 * writes them.
 */
public final class Checkpoints {

    private static final byte[] MAGIC = {'L', 'L', 'C', 'P'};
    private static final int VERSION = 1;
    private static final int HEADER = MAGIC.length + 1 + 8 + 4 + 4;
    private static final ThreadLocal<GraphKryo> KRYO = ThreadLocal.withInitial(() -> new GraphKryo(SharedObjects.catalog()));

    private Checkpoints() {
    }

    /**
     * Whether this JVM can write checkpoints at all: they read {@code java.util}'s hash tables, which
     * needs {@code --add-opens java.base/java.util=ALL-UNNAMED}.
     */
    public static boolean available() {
        return HashTableSerializers.readable();
    }

    /** The base to store a lab's checkpoints against: {@code fresh}, the lab's sandbox as it is just built. */
    public static CheckpointBase base(Sandbox fresh) {
        return new CheckpointBase(graph(fresh));
    }

    /** The sandbox's state, compressed on its own; refused, changing nothing, when some part of it cannot be written now. */
    public static byte[] save(Sandbox sandbox) {
        return save(sandbox, null);
    }

    /** The sandbox's state, compressed against {@code base} (null for none). */
    public static byte[] save(Sandbox sandbox, CheckpointBase base) {
        byte[] graph = graph(sandbox);
        byte[] compressed = compress(graph, base);
        ByteBuffer framed = ByteBuffer.allocate(HEADER + compressed.length);
        framed.put(MAGIC).put((byte) VERSION).putLong(base == null ? 0 : base.id()).putInt(graph.length)
                .putInt((int) crc(graph)).put(compressed);
        return framed.array();
    }

    /**
     * The id of the base the checkpoint was compressed against ({@link CheckpointBase#id()}), 0 for
     * none: which base to fetch before {@link #restore(byte[], CheckpointBase)}.
     */
    public static long baseId(byte[] checkpoint) {
        requireCheckpoint(checkpoint);
        return ByteBuffer.wrap(checkpoint, MAGIC.length + 1, 8).getLong();
    }

    /** The sandbox the bytes hold; refused when they are damaged or were written by another build. */
    public static Sandbox restore(byte[] checkpoint) {
        return restore(checkpoint, null);
    }

    /** The sandbox the bytes hold, which were compressed against {@code base} if they name one. */
    public static Sandbox restore(byte[] checkpoint, CheckpointBase base) {
        byte[] graph = unframe(checkpoint, base);
        GraphKryo kryo = KRYO.get();
        Input input = new Input(graph);
        try {
            int classes = input.readVarInt(true);
            for (int i = 0; i < classes; i++) {
                String name = input.readString();
                int layout = input.readInt();
                requireSameLayout(kryo, name, layout);
            }
            return kryo.readObject(input, Sandbox.class);
        } catch (KryoException | IllegalArgumentException | IndexOutOfBoundsException | ClassCastException e) {
            throw new CheckpointRefused("the checkpoint cannot be restored: " + e.getMessage(), e);
        } finally {
            kryo.reset();
        }
    }

    /**
     * Every lambda in the sandbox that would keep it from being checkpointed, by the class that made
     * it and its interface: what to fix, all at once, instead of one refusal at a time.
     */
    public static java.util.Set<String> survey(Sandbox sandbox) {
        java.util.Set<String> offenders = new java.util.TreeSet<>();
        GraphKryo kryo = new GraphKryo(SharedObjects.catalog(), null, offenders);
        try (Output sink = new Output(java.io.OutputStream.nullOutputStream())) {
            kryo.writeObject(sink, sandbox);
        }
        return offenders;
    }

    /** The layouts of the classes written, then the graph, uncompressed. */
    private static byte[] graph(Sandbox sandbox) {
        if (!available()) {
            throw new CheckpointRefused("checkpoints need the JVM option --add-opens java.base/java.util=ALL-UNNAMED");
        }
        GraphKryo kryo = KRYO.get();
        kryo.written().clear();
        Output graph = new Output(64 * 1024, -1);
        try {
            kryo.writeObject(graph, sandbox);
        } catch (KryoException | IllegalArgumentException | UnsupportedOperationException e) {
            throw new CheckpointRefused("this sandbox cannot be checkpointed now: " + e.getMessage(), e);
        } finally {
            kryo.reset();
        }
        Output whole = new Output(graph.position() + 8192, -1);
        whole.writeVarInt(kryo.written().size(), true);
        for (Class<?> type : kryo.written()) {
            whole.writeString(type.getName());
            whole.writeInt(Layouts.of(type));
        }
        whole.writeBytes(graph.getBuffer(), 0, graph.position());
        return whole.toBytes();
    }

    private static byte[] compress(byte[] graph, CheckpointBase base) {
        try (ZstdCompressCtx zstd = new ZstdCompressCtx()) {
            zstd.setLevel(CheckpointBase.LEVEL);
            zstd.setWindowLog(CheckpointBase.WINDOW_LOG);
            if (base != null) {
                zstd.loadDict(base.compress());
            }
            return zstd.compress(graph);
        }
    }

    private static void requireCheckpoint(byte[] framed) {
        if (framed.length < HEADER || !Arrays.equals(framed, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            throw new CheckpointRefused("not a sandbox checkpoint");
        }
        int version = framed[MAGIC.length];
        if (version != VERSION) {
            throw new CheckpointRefused("a checkpoint of format " + version + "; this build reads format " + VERSION);
        }
    }

    private static byte[] unframe(byte[] framed, CheckpointBase base) {
        requireCheckpoint(framed);
        ByteBuffer header = ByteBuffer.wrap(framed, MAGIC.length + 1, HEADER - MAGIC.length - 1);
        long baseId = header.getLong();
        int length = header.getInt();
        int crc = header.getInt();
        if (baseId != 0 && (base == null || base.id() != baseId)) {
            throw new CheckpointRefused("the checkpoint was stored against another base than this server's for its lab");
        }
        if (length < 0 || length > 256 * 1024 * 1024) {
            throw new CheckpointRefused("the checkpoint is damaged: it claims " + length + " bytes");
        }
        byte[] graph = new byte[length];
        try {
            long n = baseId == 0
                    ? Zstd.decompressByteArray(graph, 0, length, framed, HEADER, framed.length - HEADER)
                    : Zstd.decompressFastDict(graph, 0, framed, HEADER, framed.length - HEADER, base.decompress());
            if (Zstd.isError(n) || n != length || (int) crc(graph) != crc) {
                throw new CheckpointRefused("the checkpoint is damaged: its contents fail their checksum");
            }
        } catch (ZstdException e) {
            throw new CheckpointRefused("the checkpoint is damaged: " + e.getMessage(), e);
        }
        return graph;
    }

    private static long crc(byte[] bytes) {
        CRC32C crc = new CRC32C();
        crc.update(bytes);
        return crc.getValue();
    }

    private static void requireSameLayout(GraphKryo kryo, String name, int layout) {
        Class<?> type;
        try {
            type = Class.forName(name, false, kryo.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            throw new CheckpointRefused("the checkpoint is from another build: it holds a " + name + ", which this one lacks");
        }
        if (Layouts.of(type) != layout) {
            throw new CheckpointRefused("the checkpoint is from another build: " + name + " has other fields in this one");
        }
    }
}
