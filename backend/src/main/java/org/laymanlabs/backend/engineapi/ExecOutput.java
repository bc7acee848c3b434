package org.laymanlabs.backend.engineapi;

import java.util.ArrayList;
import java.util.List;
import org.laymanlabs.sandbox.OutputChunk;
import org.laymanlabs.sandbox.OutputSink;

/**
 * What an exec writes, between the journaled start that runs it and the connection that streams
 * it. The start is carried out on the sandbox's thread before its client is answered, so the
 * first output may come before anyone reads it: it is kept until the connection attaches, then
 * passed on as it comes. A replayed start has no reader, so what is kept is bounded, as a pipe's
 * buffer is; only the sandbox's thread touches it.
 */
final class ExecOutput implements OutputSink {

    private static final int MAX_KEPT = 1 << 20;

    private record Chunk(int stream, String text) {
    }

    private final boolean stdout;
    private final boolean stderr;
    private final List<Chunk> kept = new ArrayList<>();
    private int keptChars;
    private OutputPipe reader;
    private boolean ended;

    /** @param stdout, stderr which streams the exec was created to attach */
    ExecOutput(boolean stdout, boolean stderr) {
        this.stdout = stdout;
        this.stderr = stderr;
    }

    @Override
    public void write(OutputChunk.Stream stream, String text) {
        boolean out = stream == OutputChunk.Stream.STDOUT;
        if (out ? !stdout : !stderr) {
            return;
        }
        int to = out ? OutputPipe.STDOUT : OutputPipe.STDERR;
        if (reader != null) {
            reader.write(to, text);
        } else if (keptChars + text.length() <= MAX_KEPT) {
            kept.add(new Chunk(to, text));
            keptChars += text.length();
        }
    }

    /** The exec has exited: nothing more comes. */
    void end() {
        ended = true;
        if (reader != null) {
            reader.end();
        }
    }

    /** The connection's pipe: what was kept, then what comes, until the exec exits. */
    OutputPipe attach(boolean multiplexed) {
        reader = new OutputPipe(multiplexed);
        kept.forEach(c -> reader.write(c.stream(), c.text()));
        kept.clear();
        if (ended) {
            reader.end();
        }
        return reader;
    }
}
