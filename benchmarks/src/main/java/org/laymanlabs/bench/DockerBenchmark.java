package org.laymanlabs.bench;

import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.laymanlabs.sandbox.CommandResult;
import org.laymanlabs.sandbox.Sandbox;
import org.laymanlabs.sandbox.SandboxSpec;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * What the learner waits for at the sandbox's docker prompt (issue "container engine"): a
 * 10-instruction Dockerfile built without the cache (goal: at most 5 ms median once the JVM is
 * warm) and from the cache, and {@code docker ps} with 1,000 running containers (goal: at most
 * 20 ms). Each goes through the shell, as typed.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class DockerBenchmark {

    private static final String DOCKERFILE = String.join("\n",
            "FROM alpine:3.20",
            "ENV APP_HOME=/app",
            "WORKDIR /app",
            "COPY index.html /app/index.html",
            "RUN mkdir -p /app/static && echo ready > /app/static/status.txt",
            "RUN echo 'listen 8080' > /app/app.conf",
            "EXPOSE 8080",
            "LABEL org.opencontainers.image.title=bench",
            "USER nobody",
            "CMD [\"sh\", \"-c\", \"cat /app/index.html\"]", "");

    /** A sandbox with a Dockerfile in its workspace; a fresh one per iteration keeps the image store small. */
    @State(Scope.Benchmark)
    public static class Builds {

        Sandbox sandbox;

        @Setup(Level.Iteration)
        public void workspaceWithADockerfile() {
            sandbox = Sandbox.create(SandboxSpec.defaults(Instant.parse("2026-11-26T09:00:00Z")));
            run(sandbox, "mkdir app && cd app");
            sandbox.workspace().write("/home/learner/app/Dockerfile", DOCKERFILE);
            sandbox.workspace().write("/home/learner/app/index.html", "<h1>bench</h1>\n");
            run(sandbox, "docker build -t bench .");
        }
    }

    /** A sandbox running 1,000 containers. */
    @State(Scope.Benchmark)
    public static class ThousandContainers {

        Sandbox sandbox;

        @Setup(Level.Trial)
        public void runThem() {
            sandbox = Sandbox.create(SandboxSpec.defaults(Instant.parse("2026-11-26T09:00:00Z")));
            run(sandbox, "docker pull busybox");
            for (int i = 0; i < 1000; i++) {
                run(sandbox, "docker run -d --name c" + i + " busybox sleep infinity");
            }
        }
    }

    static CommandResult run(Sandbox sandbox, String line) {
        CommandResult result = sandbox.shell().run(line);
        if (result.exitCode() != 0) {
            throw new IllegalStateException(line + ": " + result.stderr());
        }
        return result;
    }

    @Benchmark
    public CommandResult buildTenInstructionsWithoutTheCache(Builds state) {
        return run(state.sandbox, "docker build --no-cache -t bench .");
    }

    @Benchmark
    public CommandResult buildTenInstructionsFromTheCache(Builds state) {
        return run(state.sandbox, "docker build -t bench .");
    }

    @Benchmark
    public CommandResult dockerPsWithAThousandContainers(ThousandContainers state) {
        return run(state.sandbox, "docker ps");
    }
}
