package org.laymanlabs.sandbox.checkpoint;

import com.esotericsoftware.kryo.KryoException;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import java.io.ByteArrayOutputStream;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;
import org.laymanlabs.sandbox.Sandbox;

/**
 * A sandbox's whole state as bytes, and back: its clock with every pending timer, its store's Raft
 * logs, its containers and their processes, its rules and their counters, down to its random
 * generator. Restoring one costs a few milliseconds where replaying a session's journal costs a new
 * sandbox and every input again, which is why a session saves both (the journal is what lasts: a
 * checkpoint is only valid for the build that wrote it, see {@link Layouts}).
 *
 * <p>The format: "LLCP", a version byte, then deflated: the number of classes written, each one's
 * name and layout, and the object graph as {@link GraphKryo} writes it.
 */
public final class Checkpoints {

    private static final byte[] MAGIC = {'L', 'L', 'C', 'P'};
    private static final int VERSION = 1;
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

    /** The sandbox's state; refused, changing nothing, when some part of it cannot be written now. */
    public static byte[] save(Sandbox sandbox) {
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
        Output whole = new Output(graph.position() + 4096, -1);
        whole.writeVarInt(kryo.written().size(), true);
        for (Class<?> type : kryo.written()) {
            whole.writeString(type.getName());
            whole.writeInt(Layouts.of(type));
        }
        whole.writeBytes(graph.getBuffer(), 0, graph.position());
        return frame(deflate(whole.getBuffer(), whole.position()));
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

    /** The sandbox the bytes hold; refused when they are damaged or were written by another build. */
    public static Sandbox restore(byte[] checkpoint) {
        byte[] body = inflate(unframe(checkpoint));
        GraphKryo kryo = KRYO.get();
        Input input = new Input(body);
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

    private static byte[] frame(byte[] deflated) {
        byte[] framed = new byte[MAGIC.length + 1 + deflated.length];
        System.arraycopy(MAGIC, 0, framed, 0, MAGIC.length);
        framed[MAGIC.length] = VERSION;
        System.arraycopy(deflated, 0, framed, MAGIC.length + 1, deflated.length);
        return framed;
    }

    private static byte[] unframe(byte[] framed) {
        if (framed.length < MAGIC.length + 1 || framed[0] != 'L' || framed[1] != 'L' || framed[2] != 'C' || framed[3] != 'P') {
            throw new CheckpointRefused("not a sandbox checkpoint");
        }
        if (framed[MAGIC.length] != VERSION) {
            throw new CheckpointRefused("a checkpoint of format " + framed[MAGIC.length] + "; this build reads format " + VERSION);
        }
        byte[] deflated = new byte[framed.length - MAGIC.length - 1];
        System.arraycopy(framed, MAGIC.length + 1, deflated, 0, deflated.length);
        return deflated;
    }

    private static byte[] deflate(byte[] bytes, int length) {
        // The fastest level: a checkpoint is written at every eviction and read at every return.
        Deflater deflater = new Deflater(Deflater.BEST_SPEED);
        try {
            deflater.setInput(bytes, 0, length);
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream(length / 4 + 64);
            byte[] chunk = new byte[32 * 1024];
            while (!deflater.finished()) {
                out.write(chunk, 0, deflater.deflate(chunk));
            }
            return out.toByteArray();
        } finally {
            deflater.end();
        }
    }

    private static byte[] inflate(byte[] deflated) {
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(deflated);
            ByteArrayOutputStream out = new ByteArrayOutputStream(deflated.length * 6);
            byte[] chunk = new byte[64 * 1024];
            while (!inflater.finished()) {
                int n = inflater.inflate(chunk);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new CheckpointRefused("the checkpoint is cut short");
                }
                out.write(chunk, 0, n);
            }
            return out.toByteArray();
        } catch (DataFormatException e) {
            throw new CheckpointRefused("the checkpoint is damaged: " + e.getMessage(), e);
        } finally {
            inflater.end();
        }
    }
}
