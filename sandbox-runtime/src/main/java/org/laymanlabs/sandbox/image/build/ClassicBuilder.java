package org.laymanlabs.sandbox.image.build;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.random.RandomGenerator;
import org.laymanlabs.sandbox.image.DaemonException;
import org.laymanlabs.sandbox.image.Image;
import org.laymanlabs.sandbox.image.ImageStore;
import org.laymanlabs.sandbox.image.Puller;
import org.laymanlabs.sandbox.image.Reference;
import org.laymanlabs.sandbox.image.fs.Diff;
import org.laymanlabs.sandbox.time.VirtualClock;

/**
 * The classic (pre-BuildKit) Dockerfile builder. Mirrors moby builder/dockerfile/builder.go
 * (dispatchDockerfileWithCancellation: "Step %d/%d : %s", " ---> %s" after every step, the unused
 * build-arg warning) and evaluator.go (dispatch; a step's intermediate container is removed once
 * the step succeeds). Each step commits an intermediate image through the store's build cache,
 * so an unchanged step on an unchanged parent is " ---> Using cache" and a changed COPY source
 * rebuilds that step and every later one. A failed step keeps the images of the steps before it.
 */
public final class ClassicBuilder {

    private static final Set<String> BUILTIN_ARGS = Set.of("HTTP_PROXY", "http_proxy", "HTTPS_PROXY", "https_proxy",
            "FTP_PROXY", "ftp_proxy", "NO_PROXY", "no_proxy", "ALL_PROXY", "all_proxy");

    private final ImageStore store;
    private final Puller puller;
    private final VirtualClock clock;
    private final RandomGenerator random;

    public ClassicBuilder(ImageStore store, Puller puller, VirtualClock clock, RandomGenerator random) {
        this.store = store;
        this.puller = puller;
        this.clock = clock;
        this.random = random;
    }

    /**
     * Builds, writing the build's output stream to {@code out}, and returns the final image, tagged.
     *
     * @throws DockerfileParseException before any step, for a malformed Dockerfile
     * @throws DaemonException          before any step, e.g. an unknown {@code --target}
     * @throws BuildFailure             when a step fails; the steps before it stay in the store
     */
    public Image build(String dockerfileText, BuildContext context, BuildOptions options, StringBuilder out) {
        Dockerfile dockerfile = Dockerfile.parse(dockerfileText);
        List<Stage> stages = dockerfile.stages();
        if (!options.target().isEmpty()) {
            int last = dockerfile.stageIndex(options.target()).orElseThrow(() -> new DaemonException(
                    DaemonException.Kind.INVALID_PARAMETER, "failed to reach build target " + options.target() + " in Dockerfile"));
            stages = stages.subList(0, last + 1);
        }
        Steps steps = new Steps(out, dockerfile.metaArgs().size() + stages.size()
                + stages.stream().mapToInt(s -> s.commands().size()).sum());
        ShellLex lex = new ShellLex(dockerfile.escape());
        Set<String> consumed = new TreeSet<>();
        Map<String, String> metaArgs = metaArgs(dockerfile, options, lex, steps, consumed);
        Map<String, Image> stageImages = new HashMap<>();
        List<Image> results = new ArrayList<>();
        for (Stage stage : stages) {
            steps.print(stage.from().source());
            Image base = base(stage, lex, metaArgs, stageImages, results, out);
            out.append(" ---> ").append(base == null ? "" : base.id().shortId()).append('\n');
            StageState state = new StageState(base, options.buildArgs(), metaArgs);
            StepRunner runner = new StepRunner(store, context, options.noCache(), clock, random, out, this::imageFor);
            for (Instruction instruction : stage.commands()) {
                steps.print(instruction.source());
                runner.dispatch(instruction, state, lex, stageImages, results);
                if (instruction instanceof Instruction.Arg arg) {
                    consumed.add(arg.name());
                }
                out.append(" ---> ").append(state.image == null ? "" : state.image.id().shortId()).append('\n');
            }
            results.add(state.image);
            if (!stage.name().isEmpty()) {
                stageImages.put(stage.name(), state.image);
            }
        }
        return finish(results.get(results.size() - 1), options, consumed, out);
    }

    private Map<String, String> metaArgs(Dockerfile dockerfile, BuildOptions options, ShellLex lex, Steps steps,
                                         Set<String> consumed) {
        Map<String, String> values = new HashMap<>();
        for (Instruction.Arg arg : dockerfile.metaArgs()) {
            steps.print(arg.source());
            String value = options.buildArgs().containsKey(arg.name()) ? options.buildArgs().get(arg.name())
                    : arg.value() == null ? null : lex.processWord(arg.value(), values::get);
            if (value != null) {
                values.put(arg.name(), value);
            }
            consumed.add(arg.name());
        }
        return values;
    }

    private Image base(Stage stage, ShellLex lex, Map<String, String> metaArgs, Map<String, Image> stageImages,
                       List<Image> results, StringBuilder out) {
        String name = lex.processWord(stage.from().baseName(), metaArgs::get);
        if (stageImages.containsKey(name.toLowerCase())) {
            return stageImages.get(name.toLowerCase());
        }
        if (name.equals("scratch")) {
            return null;
        }
        return imageFor(name, out);
    }

    /** The image a FROM or COPY --from names: here already, or pulled with pull's progress lines. */
    Image imageFor(String name, StringBuilder out) {
        try {
            return store.resolve(name);
        } catch (DaemonException notHere) {
            if (notHere.kind() != DaemonException.Kind.NOT_FOUND) {
                throw BuildFailure.of(notHere.getMessage());
            }
        }
        try {
            Reference ref = Reference.parse(name).withDefaultTag();
            var result = puller.pull(ref);
            out.append(ref.digestIfAny().map(Object::toString).orElse(ref.tag())).append(": Pulling from ")
                    .append(ref.path()).append('\n');
            result.layers().forEach(l -> out.append(l.id()).append(": ").append(l.status()).append('\n'));
            out.append("Digest: ").append(result.manifestDigest()).append('\n')
                    .append("Status: Downloaded newer image for ").append(ref.familiarString()).append('\n');
            return result.image();
        } catch (DaemonException e) {
            throw BuildFailure.of(e.getMessage());
        } catch (RuntimeException e) {
            throw BuildFailure.of(e.getMessage());
        }
    }

    private Image finish(Image image, BuildOptions options, Set<String> consumed, StringBuilder out) {
        List<String> unused = options.buildArgs().keySet().stream()
                .filter(a -> !consumed.contains(a) && !BUILTIN_ARGS.contains(a)).sorted().toList();
        if (!unused.isEmpty()) {
            out.append("[Warning] One or more build-args [").append(String.join(" ", unused)).append("] were not consumed\n");
        }
        if (image == null) {
            throw BuildFailure.of("No image was generated. Is your Dockerfile empty?");
        }
        out.append("Successfully built ").append(image.id().shortId()).append('\n');
        for (String tag : options.tags()) {
            Reference ref = Reference.parse(tag).withDefaultTag();
            store.tag(image, ref);
            out.append("Successfully tagged ").append(ref.familiarString()).append('\n');
        }
        return image;
    }

    /** Numbers the steps as the classic builder prints them. */
    private static final class Steps {
        private final StringBuilder out;
        private final int total;
        private int next = 1;

        Steps(StringBuilder out, int total) {
            this.out = out;
            this.total = total;
        }

        void print(String source) {
            out.append("Step ").append(next++).append('/').append(total).append(" : ").append(source).append('\n');
        }
    }

    static boolean isEmpty(Diff diff) {
        return diff.root().entries().isEmpty() && diff.unlistedBytes() == 0;
    }

    static Duration runTime() {
        return Duration.ofSeconds(2);
    }
}
