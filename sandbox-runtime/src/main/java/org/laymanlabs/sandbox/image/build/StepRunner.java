package org.laymanlabs.sandbox.image.build;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.random.RandomGenerator;
import org.laymanlabs.sandbox.image.Image;
import org.laymanlabs.sandbox.image.ImageStore;
import org.laymanlabs.sandbox.image.fs.Diff;
import org.laymanlabs.sandbox.image.fs.UnionView;
import org.laymanlabs.sandbox.time.VirtualClock;

/**
 * Runs one instruction of a stage: probe the build cache, else do the work and commit an
 * intermediate image. Mirrors moby builder/dockerfile internals.go (probeCache: " ---> Using
 * cache"; create: " ---> Running in %s"; performCopy) and containerbackend.go (" ---> Removed
 * intermediate container %s").
 */
final class StepRunner {

    private final ImageStore store;
    private final BuildContext context;
    private final boolean noCache;
    private final VirtualClock clock;
    private final RandomGenerator random;
    private final StringBuilder out;
    private final BiFunction<String, StringBuilder, Image> images;

    StepRunner(ImageStore store, BuildContext context, boolean noCache, VirtualClock clock, RandomGenerator random,
               StringBuilder out, BiFunction<String, StringBuilder, Image> images) {
        this.store = store;
        this.context = context;
        this.noCache = noCache;
        this.clock = clock;
        this.random = random;
        this.out = out;
        this.images = images;
    }

    void dispatch(Instruction instruction, StageState state, ShellLex lex, Map<String, Image> stages, List<Image> results) {
        if (instruction instanceof Instruction.Run run) {
            run(run, state);
        } else if (instruction instanceof Instruction.Copy copy) {
            copy(copy, state, lex, stages, results);
        } else {
            metadata(instruction, state, lex);
        }
    }

    private void run(Instruction.Run run, StageState state) {
        List<String> argv = Dispatch.shellDependent(run.command(), run.shellForm(), state);
        List<String> saved = new ArrayList<>();
        List<String> args = state.runArgs();
        if (!args.isEmpty()) {
            saved.add("|" + args.size());
            saved.addAll(args);
        }
        saved.addAll(argv);
        String createdBy = String.join(" ", saved);
        if (cached(state, createdBy)) {
            return;
        }
        String container = running();
        RunStep.Outcome outcome = RunStep.run(state, run.command(), run.shellForm(), clock);
        out.append(outcome.output());
        if (outcome.exitCode() != 0) {
            throw BuildFailure.nonZero(String.join(" ", argv), outcome.exitCode());
        }
        commit(state, outcome.changes(), createdBy, Duration.ofSeconds(2));
        out.append(" ---> Removed intermediate container ").append(container).append('\n');
    }

    private void copy(Instruction.Copy copy, StageState state, ShellLex lex, Map<String, Image> stages, List<Image> results) {
        if (!copy.chmod().isEmpty()) {
            // moby builder/dockerfile dispatchers.go: the classic builder leaves --chmod to BuildKit.
            throw BuildFailure.of("the --chmod option requires BuildKit. Refer to https://docs.docker.com/go/buildkit/"
                    + " to learn how to build images with BuildKit enabled");
        }
        var env = state.environment();
        List<CopySources> sources = new ArrayList<>();
        UnionView from = copy.from().isEmpty() ? null : fromView(lex.processWord(copy.from(), env), stages, results);
        for (String raw : copy.sources()) {
            String source = lex.processWord(raw, env);
            if (from != null) {
                sources.add(CopySources.fromImage(from, source));
            } else if (source.contains("*") || source.contains("?")) {
                List<String> matches = context.glob(source);
                if (matches.isEmpty()) {
                    throw BuildFailure.of((copy.add() ? "ADD" : "COPY") + " failed: no source files were specified");
                }
                matches.forEach(m -> sources.add(CopySources.fromContext(context, m)));
            } else {
                sources.add(CopySources.fromContext(context, source));
            }
        }
        String dest = lex.processWord(copy.dest(), env);
        String chown = lex.processWord(copy.chown(), env);
        String createdBy = String.join(" ", state.shell) + " #(nop) " + (copy.add() ? "ADD" : "COPY") + " "
                + (chown.isEmpty() ? "" : "--chown=" + chown) + CopySources.combinedHash(sources) + " in " + dest + " ";
        if (cached(state, createdBy)) {
            return;
        }
        int[] owner = Owner.parse(chown, state.image == null ? new UnionView(List.of()) : state.image.rootfs());
        UnionView below = state.image == null ? new UnionView(List.of()) : state.image.rootfs();
        Diff diff = CopyStep.layer(below, sources, dest, state.config.workingDir(), owner[0], owner[1]);
        commit(state, diff, createdBy, Duration.ofMillis(100));
    }

    private UnionView fromView(String from, Map<String, Image> stages, List<Image> results) {
        Image image = stages.get(from.toLowerCase());
        if (image == null && from.matches("\\d+") && Integer.parseInt(from) < results.size()) {
            image = results.get(Integer.parseInt(from));
        }
        if (image == null) {
            try {
                image = images.apply(from, out);
            } catch (BuildFailure e) {
                throw BuildFailure.of("invalid from flag value " + from + ": " + e.getMessage());
            }
        }
        return image.rootfs();
    }

    private void metadata(Instruction instruction, StageState state, ShellLex lex) {
        Dispatch.Change change = Dispatch.metadata(instruction, state, lex);
        String createdBy = String.join(" ", state.shell) + (change.singleWord() ? " #(nop) " : " #(nop)  ") + change.comment();
        if (cached(state, createdBy)) {
            return;
        }
        String container = running();
        Diff diff = null;
        if (instruction instanceof Instruction.Workdir && state.image != null
                && !state.image.rootfs().exists(change.config().workingDir())) {
            diff = Diff.builder().dir(change.config().workingDir()).build();
        }
        state.config = change.config();
        commit(state, diff, createdBy, Duration.ofMillis(100));
        out.append(" ---> Removed intermediate container ").append(container).append('\n');
    }

    private boolean cached(StageState state, String createdBy) {
        Optional<Image> hit = noCache ? Optional.empty() : store.buildCache().lookup(state.image, createdBy);
        hit.ifPresent(image -> {
            out.append(" ---> Using cache\n");
            state.image = image;
            state.config = image.config();
        });
        return hit.isPresent();
    }

    private void commit(StageState state, Diff diff, String createdBy, Duration took) {
        clock.advance(took);
        Diff layer = diff == null || ClassicBuilder.isEmpty(diff) ? null : diff;
        state.image = store.buildCache().commit(state.image, layer, state.config, createdBy, "");
    }

    private String running() {
        String id = String.format("%016x%016x%016x%016x", random.nextLong(), random.nextLong(), random.nextLong(),
                random.nextLong());
        out.append(" ---> Running in ").append(id, 0, 12).append('\n');
        return id.substring(0, 12);
    }
}
