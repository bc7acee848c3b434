package org.laymanlabs.backend.engineapi;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Optional;
import org.laymanlabs.backend.session.ApiResponse;
import org.laymanlabs.sandbox.OutputSink;
import org.laymanlabs.sandbox.container.Container;
import org.laymanlabs.sandbox.container.ContainerEngine;
import org.laymanlabs.sandbox.container.ContainerStatus;
import org.laymanlabs.sandbox.image.DaemonException;
import org.laymanlabs.sandbox.image.json.JsonWriter;
import org.laymanlabs.sandbox.shell.Execution;

/**
 * {@code docker exec} over the API. Mirrors moby api/server/router/container/exec.go: create
 * checks the container runs and answers the exec's ID; start hijacks the connection (101 with
 * {@code Upgrade: tcp}, else a 200 raw stream, as docker-java asks) and streams the program's
 * output, multiplexed without a TTY; inspect reports the exit code once it has exited. Create and
 * start change the sandbox, so both are journaled; the stream is then read from what the started
 * exec writes ({@link ExecOutput}), so a replay runs the same program without anyone reading it.
 */
final class ExecRoutes {

    /**
     * Why a shell that would read the client's stdin is refused rather than started: this API does
     * not carry stdin, so the shell would read end of input and return at once with status 0, which
     * looks like success. The sandbox's own terminal has the session.
     */
    static final String INTERACTIVE = "interactive sessions are not served over the sandbox's Engine API (it does not"
            + " carry stdin): open the shell in the Layman Labs terminal, where docker exec -it and docker run -it work";

    private ExecRoutes() {
    }

    static ApiResponse create(Dispatch d) throws IOException {
        JsonBody body = JsonBody.read(d.request, "container.ExecOptions");
        List<String> cmd = body.strings("Cmd").orElse(List.of());
        boolean tty = body.bool("Tty");
        boolean stdout = body.bool("AttachStdout");
        boolean stderr = body.bool("AttachStderr");
        String workingDir = body.string("WorkingDir");
        String user = body.string("User");
        // Env is checked as dockerd decodes it, but the sandbox's exec runs with the container's environment.
        body.strings("Env");
        Container c = d.sandbox.containers().containers().get(d.var("name"));
        if (c.state().status() != ContainerStatus.RUNNING) {
            throw new DaemonException(DaemonException.Kind.CONFLICT, "container " + c.id() + " is not running");
        }
        if (cmd.isEmpty()) {
            throw new DaemonException(DaemonException.Kind.INVALID_PARAMETER, "No exec command specified");
        }
        if (body.bool("AttachStdin") && ContainerEngine.readsTerminal(cmd)) {
            throw new DaemonException(DaemonException.Kind.INVALID_PARAMETER, INTERACTIVE);
        }
        ExecInstance exec = new ExecInstance(d.sandbox.random(), c.id(), cmd, workingDir, user, tty, stdout, stderr);
        d.state.add(exec);
        return Dispatch.json(201, "{\"Id\":\"" + exec.id() + "\"}");
    }

    /**
     * Runs the exec. Detached, the answer is moby's empty 200; attached, a 200 naming the stream's
     * content type, which {@link #stream} then opens on the client's connection.
     */
    static ApiResponse start(Dispatch d) throws IOException {
        boolean detach = JsonBody.read(d.request, "container.ExecStartOptions").bool("Detach");
        ExecInstance exec = find(d.state, d.var("name"));
        if (!exec.begin()) {
            throw new DaemonException(DaemonException.Kind.CONFLICT, "exec command " + exec.id() + " has already run");
        }
        OutputSink sink = detach ? OutputSink.DISCARD : exec.output();
        Execution execution;
        try {
            execution = d.sandbox.containers().exec(exec.containerId(), exec.argv(), exec.workingDir(), sink);
        } catch (DaemonException e) {
            exec.exited(126);
            throw e;
        }
        ClockWatch.until(d.sandbox.clock(), () -> execution.isFinished()
                ? Optional.of(execution.exitCode()) : Optional.empty()).thenAccept(exec::exited);
        return detach ? Dispatch.empty(200)
                : Dispatch.body(200, exec.tty() ? HttpResponse.RAW : HttpResponse.MULTIPLEXED, new byte[0]);
    }

    /** The connection's side of start: journal the start, then stream what the exec writes until it exits. */
    static void stream(ApiCall call) throws IOException {
        ApiResponse started = call.journaled();
        String contentType = started.headers().get("content-type");
        if (started.status() != 200 || contentType == null || contentType.equals(HttpResponse.JSON)) {
            call.response.answer(started);
            return;
        }
        OutputPipe pipe = call.read(sandbox -> find(call.state(sandbox), call.var("name")).output()
                .attach(!contentType.equals(HttpResponse.RAW)));
        OutputStream out = call.response.hijack(call.request.wantsUpgrade(), contentType);
        try {
            pipe.drainTo(out);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static void inspect(ApiCall call) throws IOException {
        call.response.json(200, call.read(sandbox -> JsonWriter.compact(find(call.state(sandbox), call.var("name")).inspect())));
    }

    private static ExecInstance find(EngineState state, String idOrPrefix) {
        return state.exec(idOrPrefix).orElseThrow(() -> new DaemonException(DaemonException.Kind.NOT_FOUND,
                "No such exec instance: " + idOrPrefix));
    }
}
