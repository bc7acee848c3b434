package org.laymanlabs.backend.workspace;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.laymanlabs.backend.lab.Lab;
import org.laymanlabs.backend.lab.LabCatalog;
import org.laymanlabs.backend.session.LabSandboxes;
import org.laymanlabs.sandbox.Sandbox;
import org.laymanlabs.sandbox.checkpoint.CheckpointRefused;
import org.laymanlabs.sandbox.checkpoint.Checkpoints;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Takes the cost of a cold JVM out of the first learner's path: once the app is up, a throw-away
 * sandbox of the first lab is built and a few commands run in it, the map is drawn and the first
 * step is checked, and Tab completion's help texts are read, on a background thread of low
 * priority. The first sandbox of a JVM otherwise loads and interprets the whole runtime (the
 * cluster's controllers, the kernel model, the engine, the shells) while a learner waits for it.
 * Nothing of it is kept or journaled. {@code layman.workspace.warm-up=false} turns it off.
 */
@Component
public class SandboxWarmUp {

    private static final Logger log = LoggerFactory.getLogger(SandboxWarmUp.class);
    /** What a learner's first minutes touch: the shell, kubectl, a Deployment's rollout, docker, files. */
    static final List<String> COMMANDS = List.of(
            "kubectl get nodes", "kubectl create deployment warm-up --image=nginx --replicas=2",
            "kubectl get pods -o wide", "kubectl describe deployment warm-up", "docker ps", "docker images",
            "echo warm > notes.txt", "cat notes.txt", "ls -l", "ip route");

    private final boolean enabled;
    private final LabCatalog catalog;
    private final LabSandboxes labs;
    private final CompletableFuture<Void> finished = new CompletableFuture<>();

    SandboxWarmUp(@Value("${layman.workspace.warm-up:true}") boolean enabled, LabCatalog catalog, LabSandboxes labs) {
        this.enabled = enabled;
        this.catalog = catalog;
        this.labs = labs;
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        if (!enabled) {
            finished.complete(null);
            return;
        }
        Thread thread = new Thread(this::warmUp, "sandbox-warm-up");
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY);
        thread.start();
    }

    /** Builds, uses and drops one sandbox; a failure here is logged and changes nothing for learners. */
    void warmUp() {
        long start = System.nanoTime();
        try {
            String labId = catalog.labs().stream().map(Lab::id).findFirst().orElse("warm-up");
            Sandbox sandbox = labs.create(labId, 1L, Instant.EPOCH);
            for (String command : COMMANDS) {
                sandbox.shell().run(command);
                sandbox.clock().advance(Duration.ofSeconds(2));
            }
            Pictures.of(sandbox);
            catalog.definition(labId).flatMap(definition -> definition.steps().stream().findFirst())
                    .ifPresent(step -> labs.check(labId, step.id(), sandbox));
            SessionLabSandbox.vocabulary();
            checkpointOnce(sandbox);
            log.info("Sandbox warm-up done in {} ms (lab {})", (System.nanoTime() - start) / 1_000_000, labId);
        } catch (RuntimeException e) {
            log.warn("Sandbox warm-up failed; the first learner's sandbox will be slower to start", e);
        } finally {
            finished.complete(null);
        }
    }

    /**
     * A checkpoint written and read back, as the first eviction and return will do: it also walks
     * the image catalog once, which checkpoints refer to instead of carrying it.
     */
    private static void checkpointOnce(Sandbox sandbox) {
        if (!Checkpoints.available()) {
            log.warn("Evicted sandboxes will be restored by replaying their journals, which is slower: "
                    + "checkpoints need the JVM option --add-opens java.base/java.util=ALL-UNNAMED");
            return;
        }
        try {
            Checkpoints.restore(Checkpoints.save(sandbox));
        } catch (CheckpointRefused e) {
            log.info("The warm-up sandbox could not be checkpointed: {}", e.getMessage());
        }
    }

    /** Completes when the warm-up is over (at once when it is off), whether it went well or not. */
    public CompletableFuture<Void> finished() {
        return finished;
    }
}
