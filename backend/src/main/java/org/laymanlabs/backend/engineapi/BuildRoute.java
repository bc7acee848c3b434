package org.laymanlabs.backend.engineapi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.laymanlabs.backend.session.ApiResponse;
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

    static ApiResponse build(Dispatch d) throws IOException {
        BuildOptions options = options(d);
        String dockerfileName = d.param("dockerfile").isEmpty() ? "Dockerfile" : d.param("dockerfile");
        BuildContext context = ContextTar.read(d.request.body(), dockerfileName);
        String dockerfile = context.file(dockerfileName).orElseThrow(() -> new DaemonException(
                DaemonException.Kind.INVALID_PARAMETER, "Cannot locate specified Dockerfile: " + dockerfileName));
        StringBuilder log = new StringBuilder();
        ClassicBuilder builder = new ClassicBuilder(d.sandbox.daemon().images(), d.sandbox.daemon().puller(),
                d.sandbox.clock(), d.sandbox.random());
        Outcome outcome;
        try {
            Image image = builder.build(dockerfile, context, options, log);
            outcome = new Outcome(log.toString(), image, null);
        } catch (DockerfileParseException | DaemonException | BuildFailure e) {
            outcome = new Outcome(log.toString(), null, e);
        }
        if (outcome.log().isEmpty() && outcome.failure() instanceof DockerfileParseException parse) {
            throw new DaemonException(DaemonException.Kind.INVALID_PARAMETER, parse.getMessage());
        }
        if (outcome.log().isEmpty() && outcome.failure() instanceof DaemonException refused) {
            throw refused;
        }
        JsonLines out = new JsonLines();
        stream(out, outcome, options.quiet());
        return out.response();
    }

    private static void stream(JsonLines out, Outcome outcome, boolean quiet) {
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
    private static BuildOptions options(Dispatch d) {
        List<String> tags = new ArrayList<>(d.request.query().getOrDefault("t", List.of()));
        for (String tag : tags) {
            try {
                Reference.parse(tag);
            } catch (InvalidReferenceException e) {
                throw ApiException.badRequest("invalid reference format");
            }
        }
        Map<String, String> buildArgs = new LinkedHashMap<>();
        if (!d.param("buildargs").isEmpty()) {
            try {
                JsonNode args = MAPPER.readTree(d.param("buildargs"));
                args.fields().forEachRemaining(f -> {
                    if (!f.getValue().isNull()) {
                        buildArgs.put(f.getKey(), f.getValue().asText());
                    }
                });
            } catch (JsonProcessingException e) {
                throw ApiException.badRequest("invalid JSON: " + e.getOriginalMessage());
            }
        }
        return new BuildOptions(tags, d.flag("nocache"), buildArgs, d.param("target"), d.flag("q"));
    }
}
