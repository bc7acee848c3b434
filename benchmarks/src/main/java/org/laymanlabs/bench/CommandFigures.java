package org.laymanlabs.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.laymanlabs.sandbox.CommandResult;
import org.laymanlabs.sandbox.Sandbox;
import org.laymanlabs.sandbox.SandboxSpec;

/**
 * What a learner waits for at the prompt (issue 11): each command typed through the sandbox's
 * shell, in a sandbox whose 3-replica nginx Deployment is Ready behind a NodePort Service.
 */
final class CommandFigures {

    private static final String NODE_PORT_URL = "192.168.49.2:30080";

    private static final String DOCKERFILE = String.join("\n",
            "FROM alpine:3.20", "ENV APP_HOME=/app", "WORKDIR /app", "COPY index.html /app/index.html",
            "RUN mkdir -p /app/static && echo ready > /app/static/status.txt", "RUN echo 'listen 8080' > /app/app.conf",
            "EXPOSE 8080", "LABEL org.opencontainers.image.title=bench", "USER nobody",
            "CMD [\"sh\", \"-c\", \"cat /app/index.html\"]", "");

    private CommandFigures() {
    }

    static List<Figure> all(Sampler sampler) throws Exception {
        Sandbox sandbox = Sandbox.create(new SandboxSpec(11, SandboxFigures.START));
        sandbox.workspace().write("/home/learner/web.yaml", Manifests.deploymentAndService("web", 3, "NodePort")
                .replace("ports: [{port: 80}]", "ports: [{port: 80, nodePort: 30080}]"));
        SandboxFigures.applyUntilReady(sandbox, "web", 3);
        run(sandbox, "mkdir app");
        sandbox.workspace().write("/home/learner/app/Dockerfile", DOCKERFILE);
        sandbox.workspace().write("/home/learner/app/index.html", "<h1>bench</h1>\n");
        run(sandbox, "curl -s " + NODE_PORT_URL); // fails the run early if the Service does not answer

        List<Figure> figures = new ArrayList<>();
        figures.add(latency("`kubectl get pods`", sampler.measure(() -> run(sandbox, "kubectl get pods"))));
        // Each apply creates a new Deployment (shop-1, shop-2, ...), once the one before has settled.
        int[] shops = {0};
        figures.add(latency("`kubectl apply -f` of a Deployment and its Service", sampler.measure(() -> {
            sandbox.clock().advance(Duration.ofSeconds(5));
            String name = "shop-" + ++shops[0];
            sandbox.workspace().write("/home/learner/" + name + ".yaml", Manifests.deploymentAndService(name, 1, "ClusterIP"));
            return () -> run(sandbox, "kubectl apply -f " + name + ".yaml");
        })));
        // The build before is removed first (with its intermediate images), outside the timing, so that the
        // samples stay within the sandbox's image quota as a learner's rebuilds would.
        figures.add(latency("`docker build --no-cache` of 10 instructions", sampler.measure(() -> {
            sandbox.shell().run("docker rmi bench");
            return () -> run(sandbox, "cd app && docker build --no-cache -t bench . && cd ..");
        })));
        figures.add(latency("`curl` through a NodePort Service to nginx",
                sampler.measure(() -> run(sandbox, "curl -s " + NODE_PORT_URL))));
        figures.add(latency("`trace` through a NodePort Service", sampler.measure(() -> run(sandbox, "trace " + NODE_PORT_URL))));
        return figures;
    }

    private static Figure latency(String what, Sampler.Measured measured) {
        return Figure.wall(what, measured);
    }

    static CommandResult run(Sandbox sandbox, String line) {
        CommandResult result = sandbox.shell().run(line);
        if (result.exitCode() != 0) {
            throw new IllegalStateException(line + ": exit " + result.exitCode() + ": " + result.stderr());
        }
        return result;
    }
}
