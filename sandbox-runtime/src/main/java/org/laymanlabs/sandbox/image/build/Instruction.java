package org.laymanlabs.sandbox.image.build;

import java.util.List;

/**
 * A typed Dockerfile instruction. Mirrors buildkit frontend/dockerfile/instructions/commands.go.
 * Words that Docker substitutes variables in are kept as written and expanded when the step runs,
 * as the classic builder's dispatch does.
 */
sealed interface Instruction {

    int line();

    /** The instruction as written, continuations joined: what "Step N/M :" prints. */
    String source();

    /** {@code name=value}, both still unexpanded. */
    record KeyValue(String key, String value) {
    }

    /** {@code FROM base [AS name]}; a new build stage. */
    record From(int line, String source, String baseName, String stageName) implements Instruction {
    }

    /** {@code RUN}, shell form ({@code /bin/sh -c} prepended) or JSON (exec) form. */
    record Run(int line, String source, List<String> command, boolean shellForm) implements Instruction {
    }

    /** {@code COPY} or {@code ADD}: sources from the context, or from a stage or image with {@code --from}. */
    record Copy(int line, String source, boolean add, List<String> sources, String dest, String from, String chown,
                String chmod) implements Instruction {
    }

    record Env(int line, String source, List<KeyValue> pairs) implements Instruction {
    }

    record Label(int line, String source, List<KeyValue> pairs) implements Instruction {
    }

    /** @param value the default, or null when the ARG has none */
    record Arg(int line, String source, String name, String value) implements Instruction {
    }

    record Workdir(int line, String source, String path) implements Instruction {
    }

    record Expose(int line, String source, List<String> ports) implements Instruction {
    }

    record User(int line, String source, String user) implements Instruction {
    }

    record Cmd(int line, String source, List<String> command, boolean shellForm) implements Instruction {
    }

    record Entrypoint(int line, String source, List<String> command, boolean shellForm) implements Instruction {
    }

    record Volume(int line, String source, List<String> paths) implements Instruction {
    }

    record StopSignal(int line, String source, String signal) implements Instruction {
    }

    record Shell(int line, String source, List<String> shell) implements Instruction {
    }

    record Maintainer(int line, String source, String name) implements Instruction {
    }

    /** {@code HEALTHCHECK}; the test as the image config records it ({@code CMD-SHELL …} or {@code NONE}). */
    record Healthcheck(int line, String source, List<String> test) implements Instruction {
    }

    record Onbuild(int line, String source, String expression) implements Instruction {
    }
}
