package org.laymanlabs.sandbox.shell;

import org.laymanlabs.sandbox.OutputChunk;
import org.laymanlabs.sandbox.OutputSink;

/**
 * One line's output up to a number of characters, and a notice where it was cut (SandboxLimits'
 * outputChars). A real terminal would scroll on for ever; the web terminal and the server's memory
 * cannot, so past the cap the rest is dropped and the learner is told so.
 */
final class CappedOutput implements OutputSink {

    private final OutputSink out;
    private final int limit;
    private long printed;
    private boolean cut;

    CappedOutput(OutputSink out, int limit) {
        this.out = out;
        this.limit = limit;
    }

    @Override
    public void write(OutputChunk.Stream stream, String text) {
        if (cut || text.isEmpty()) {
            return;
        }
        long room = limit - printed;
        if (text.length() <= room) {
            printed += text.length();
            out.write(stream, text);
            return;
        }
        out.write(stream, text.substring(0, (int) room));
        printed = limit;
        cut = true;
        out.err("\n[output truncated: a command may print at most " + limit + " characters here; the rest was dropped]\n");
    }
}
