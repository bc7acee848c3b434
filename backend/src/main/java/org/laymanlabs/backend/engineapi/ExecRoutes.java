package org.laymanlabs.backend.engineapi;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.laymanlabs.sandbox.OutputChunk;
import org.laymanlabs.sandbox.OutputSink;
import org.laymanlabs.sandbox.container.Container;
import org.laymanlabs.sandbox.container.ContainerStatus;
import org.laymanlabs.sandbox.image.DaemonException;
import org.laymanlabs.sandbox.image.json.JsonWriter;
import org.laymanlabs.sandbox.shell.Execution;

/**
 * {@code docker exec} over the API. Mirrors moby api/server/router/container/exec.go: create
 * checks the container runs and answers the exec's ID; start hijacks the connection (101 with
 * {@code Upgrade: tcp}, else a 200 raw stream, as docker-java asks) and streams the program's
 * output, multiplexed without a TTY; inspect reports the exit code once it has exited.
 */
final class ExecRoutes {

    private ExecRoutes() {
    }

    static void create(ApiCall call) throws IOException {
        JsonBody body = JsonBody.read(call.request, "container.ExecOptions");
        List<String> cmd = body.strings("Cmd").orElse(List.of());
        boolean tty = body.bool("Tty");
        boolean stdout = body.bool("AttachStdout");
        boolean stderr = body.bool("AttachStderr");
        String workingDir = body.string("WorkingDir");
        String user = body.string("User");
        // Env is checked as dockerd decodes it, but the sandbox's exec runs with the container's environment.
        body.strings("Env");
        ExecInstance exec = call.run(sandbox -> {
            Container c = sandbox.containers().containers().get(call.var("name"));
            if (c.state().status() != ContainerStatus.RUNNING) {
                throw new DaemonException(DaemonException.Kind.CONFLICT, "container " + c.id() + " is not running");
            }
            if (cmd.isEmpty()) {
                throw new DaemonException(DaemonException.Kind.INVALID_PARAMETER, "No exec command specified");
            }
            return new ExecInstance(c.id(), cmd, workingDir, user, tty, stdout, stderr);
        });
        call.state.add(exec);
        call.response.json(201, "{\"Id\":\"" + exec.id() + "\"}");
    }

    static void start(ApiCall call) throws IOException {
        JsonBody body = JsonBody.read(call.request, "container.ExecStartOptions");
        boolean detach = body.bool("Detach");
        ExecInstance exec = find(call);
        if (!exec.begin()) {
            throw new DaemonException(DaemonException.Kind.CONFLICT, "exec command " + exec.id() + " has already run");
        }
        OutputPipe pipe = new OutputPipe(!exec.tty());
        OutputSink sink = detach ? OutputSink.DISCARD : (stream, text) -> {
            boolean stdout = stream == OutputChunk.Stream.STDOUT;
            if (stdout ? exec.attachStdout() : exec.attachStderr()) {
                pipe.write(stdout ? OutputPipe.STDOUT : OutputPipe.STDERR, text);
            }
        };
        CompletableFuture<Integer> exited = call.run(sandbox -> {
            Execution execution;
            try {
                execution = sandbox.containers().exec(exec.containerId(), exec.argv(), exec.workingDir(), sink);
            } catch (DaemonException e) {
                exec.exited(126);
                throw e;
            }
            return ClockWatch.until(sandbox.clock(), () -> execution.isFinished()
                    ? Optional.of(execution.exitCode()) : Optional.empty());
        });
        exited.thenAccept(code -> {
            exec.exited(code);
            pipe.end();
        });
        if (detach) {
            call.response.empty(200);
            return;
        }
        OutputStream out = call.response.hijack(call.request.wantsUpgrade(),
                exec.tty() ? HttpResponse.RAW : HttpResponse.MULTIPLEXED);
        try {
            pipe.drainTo(out);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static void inspect(ApiCall call) throws IOException {
        call.response.json(200, JsonWriter.compact(find(call).inspect()));
    }

    private static ExecInstance find(ApiCall call) {
        return call.state.exec(call.var("name")).orElseThrow(() -> new DaemonException(DaemonException.Kind.NOT_FOUND,
                "No such exec instance: " + call.var("name")));
    }
}
