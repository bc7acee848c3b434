package org.laymanlabs.backend.engineapi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.laymanlabs.sandbox.image.DaemonException;
import org.laymanlabs.sandbox.image.Image;
import org.laymanlabs.sandbox.image.InvalidReferenceException;
import org.laymanlabs.sandbox.image.Reference;
import org.laymanlabs.sandbox.image.build.BuildContext;
import org.laymanlabs.sandbox.image.build.BuildFailure;
import org.laymanlabs.sandbox.image.build.BuildOptions;
import org.laymanlabs.sandbox.image.build.ClassicBuilder;
import org.laymanlabs.sandbox.image.build.DockerfileParseException;
import org.laymanlabs.sandbox.image.json.JsonValue.Obj;

/**
 * The classic builder's {@code POST /build}. Mirrors moby api/server/router/build/build_routes.go
 * (postBuild: the options from the query, the context from the body) and the classic builder's
 * output: each line of its log as {@code {"stream":…}}, the image's ID as {@code {"aux":{"ID":…}}}
 * just before "Successfully built", and a failure as the stream's last message, with a failed
 * RUN's exit code, which the CLI exits with. It runs the sandbox's own builder, as {@code docker build} in its terminal does.
 */
final class BuildRoute {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private BuildRoute() {
    }

    /** What the builder wrote, and the image, or the error it stopped with. */
    private record Outcome(String log, Image image, RuntimeException failure) {
    }

    static void build(ApiCall call) throws IOException {
        BuildOptions options = options(call);
        String dockerfileName = call.param("dockerfile").isEmpty() ? "Dockerfile" : call.param("dockerfile");
        BuildContext context = ContextTar.read(call.request.body(), dockerfileName);
        String dockerfile = context.file(dockerfileName).orElseThrow(() -> new DaemonException(
                DaemonException.Kind.INVALID_PARAMETER, "Cannot locate specified Dockerfile: " + dockerfileName));
        Outcome outcome = call.run(sandbox -> {
            StringBuilder log = new StringBuilder();
            ClassicBuilder builder = new ClassicBuilder(sandbox.daemon().images(), sandbox.daemon().puller(),
                    sandbox.clock(), sandbox.random());
            try {
                Image image = builder.build(dockerfile, context, options, log);
                return new Outcome(log.toString(), image, null);
            } catch (DockerfileParseException | DaemonException | BuildFailure e) {
                return new Outcome(log.toString(), null, e);
            }
        });
        if (outcome.log().isEmpty() && outcome.failure() instanceof DockerfileParseException parse) {
            throw new DaemonException(DaemonException.Kind.INVALID_PARAMETER, parse.getMessage());
        }
        if (outcome.log().isEmpty() && outcome.failure() instanceof DaemonException refused) {
            throw refused;
        }
        try (JsonLines out = new JsonLines(call.response)) {
            stream(out, outcome, options.quiet());
        }
    }

    private static void stream(JsonLines out, Outcome outcome, boolean quiet) throws IOException {
        for (String line : outcome.log().split("(?<=\n)")) {
            if (line.isEmpty()) {
                continue;
            }
            if (line.startsWith("Successfully built ") && outcome.image() != null) {
                out.aux(Obj.struct().put("ID", outcome.image().id().toString()).build());
            }
            if (!quiet) {
                out.stream(line);
            }
        }
        if (outcome.failure() != null) {
            int code = outcome.failure() instanceof BuildFailure failed ? failed.exitCode() : 1;
            out.error(outcome.failure().getMessage(), outcome.failure() instanceof BuildFailure ? code : 0);
        } else if (quiet) {
            out.stream(outcome.image().id() + "\n");
        }
    }

    /** {@code t} (repeated), {@code nocache}, {@code buildargs} (a JSON object), {@code target} and {@code q}. */
    private static BuildOptions options(ApiCall call) {
        List<String> tags = new ArrayList<>(call.request.query().getOrDefault("t", List.of()));
        for (String tag : tags) {
            try {
                Reference.parse(tag);
            } catch (InvalidReferenceException e) {
                throw ApiException.badRequest("invalid reference format");
            }
        }
        Map<String, String> buildArgs = new LinkedHashMap<>();
        if (!call.param("buildargs").isEmpty()) {
            try {
                JsonNode args = MAPPER.readTree(call.param("buildargs"));
                args.fields().forEachRemaining(f -> {
                    if (!f.getValue().isNull()) {
                        buildArgs.put(f.getKey(), f.getValue().asText());
                    }
                });
            } catch (JsonProcessingException e) {
                throw ApiException.badRequest("invalid JSON: " + e.getOriginalMessage());
            }
        }
        return new BuildOptions(tags, call.flag("nocache"), buildArgs, call.param("target"), call.flag("q"));
    }
}
