package org.laymanlabs.backend.engineapi;

import java.util.HexFormat;
import java.util.List;
import java.util.OptionalInt;
import java.util.random.RandomGenerator;
import org.laymanlabs.sandbox.image.json.JsonValue;
import org.laymanlabs.sandbox.image.json.JsonValue.Obj;

/**
 * One exec instance between its create, start and inspect, as moby's daemon/exec.Config keeps it.
 * Its ID is random, like moby's, drawn from the sandbox's seeded random source: the create is
 * journaled, so a restored sandbox draws the same ID again when it replays it.
 */
final class ExecInstance {

    private final String id;
    private final String containerId;
    private final List<String> argv;
    private final String workingDir;
    private final String user;
    private final boolean tty;
    private final boolean attachStdout;
    private final boolean attachStderr;
    private final ExecOutput output;
    private volatile boolean started;
    private volatile boolean running;
    private volatile OptionalInt exitCode = OptionalInt.empty();

    ExecInstance(RandomGenerator random, String containerId, List<String> argv, String workingDir, String user,
                 boolean tty, boolean attachStdout, boolean attachStderr) {
        StringBuilder hex = new StringBuilder();
        for (int i = 0; i < 4; i++) {
            hex.append(HexFormat.of().toHexDigits(random.nextLong()));
        }
        this.id = hex.toString();
        this.containerId = containerId;
        this.argv = List.copyOf(argv);
        this.workingDir = workingDir;
        this.user = user;
        this.tty = tty;
        this.attachStdout = attachStdout;
        this.attachStderr = attachStderr;
        this.output = new ExecOutput(attachStdout, attachStderr);
    }

    String id() {
        return id;
    }

    String containerId() {
        return containerId;
    }

    List<String> argv() {
        return argv;
    }

    String workingDir() {
        return workingDir;
    }

    boolean tty() {
        return tty;
    }

    /** Where the exec writes; touched on the sandbox's thread only. */
    ExecOutput output() {
        return output;
    }

    /** Marks it started; false if it had been already, as an exec runs once. */
    synchronized boolean begin() {
        if (started) {
            return false;
        }
        started = true;
        running = true;
        return true;
    }

    /** On the sandbox's thread: the exit code inspect reports, and the end of the output. */
    void exited(int code) {
        exitCode = OptionalInt.of(code);
        running = false;
        output.end();
    }

    /** moby's ExecInspect: ExitCode is null until the process has exited. */
    Obj inspect() {
        JsonValue code = exitCode.isPresent() ? JsonValue.of(exitCode.getAsInt()) : new JsonValue.Null();
        return Obj.struct().put("ID", id).put("Running", JsonValue.of(running)).put("ExitCode", code)
                .put("ProcessConfig", Obj.struct().put("tty", JsonValue.of(tty)).put("entrypoint", argv.get(0))
                        .put("arguments", JsonValue.ofStrings(argv.subList(1, argv.size())))
                        .put("privileged", JsonValue.of(false)).put("user", user).build())
                .put("OpenStdin", JsonValue.of(false)).put("OpenStderr", JsonValue.of(attachStderr))
                .put("OpenStdout", JsonValue.of(attachStdout)).put("CanRemove", JsonValue.of(false))
                .put("ContainerID", containerId).put("DetachKeys", "").put("Pid", 0).build();
    }
}
