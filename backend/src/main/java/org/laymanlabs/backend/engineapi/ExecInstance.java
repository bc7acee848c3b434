package org.laymanlabs.backend.engineapi;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.OptionalInt;
import org.laymanlabs.sandbox.image.json.JsonValue;
import org.laymanlabs.sandbox.image.json.JsonValue.Obj;

/**
 * One exec instance between its create, start and inspect, as moby's daemon/exec.Config keeps it.
 * Its ID is random, like moby's, and drawn outside the sandbox's seeded random source so that a
 * real client's execs do not shift the IDs a lab's replay expects.
 */
final class ExecInstance {

    private static final SecureRandom IDS = new SecureRandom();

    private final String id;
    private final String containerId;
    private final List<String> argv;
    private final String workingDir;
    private final String user;
    private final boolean tty;
    private final boolean attachStdout;
    private final boolean attachStderr;
    private volatile boolean started;
    private volatile boolean running;
    private volatile OptionalInt exitCode = OptionalInt.empty();

    ExecInstance(String containerId, List<String> argv, String workingDir, String user, boolean tty,
                 boolean attachStdout, boolean attachStderr) {
        byte[] random = new byte[32];
        IDS.nextBytes(random);
        this.id = HexFormat.of().formatHex(random);
        this.containerId = containerId;
        this.argv = List.copyOf(argv);
        this.workingDir = workingDir;
        this.user = user;
        this.tty = tty;
        this.attachStdout = attachStdout;
        this.attachStderr = attachStderr;
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

    boolean attachStdout() {
        return attachStdout;
    }

    boolean attachStderr() {
        return attachStderr;
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

    void exited(int code) {
        exitCode = OptionalInt.of(code);
        running = false;
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
