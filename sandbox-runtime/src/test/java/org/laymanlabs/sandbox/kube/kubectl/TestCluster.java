package org.laymanlabs.sandbox.kube.kubectl;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;
import org.laymanlabs.sandbox.CommandResult;
import org.laymanlabs.sandbox.kube.api.Codec;
import org.laymanlabs.sandbox.kube.apiserver.ApiServer;
import org.laymanlabs.sandbox.kube.store.EtcdCluster;
import org.laymanlabs.sandbox.shell.CommandLineShell;
import org.laymanlabs.sandbox.time.VirtualClock;
import org.laymanlabs.sandbox.workspace.Workspace;

/**
 * A control plane (three etcd members and the API server) on a virtual clock, with a shell whose
 * kubectl talks to it, as the learner's laptop does. No controllers run: tests write the objects
 * and statuses the controllers and kubelets would.
 */
final class TestCluster {

    /** When every test begins: the control plane boots during the 30 seconds before. */
    static final Instant START = Instant.parse("2026-11-26T09:00:00Z");

    final VirtualClock clock = new VirtualClock(START.minusSeconds(30));
    final ApiServer api;
    final Workspace workspace = new Workspace();
    final CommandLineShell shell;
    private Duration laptopAhead = Duration.ZERO;

    TestCluster() {
        SplittableRandom random = new SplittableRandom(7);
        EtcdCluster etcd = EtcdCluster.start(clock, random);
        etcd.runUntil(() -> etcd.leader().isPresent(), Duration.ofSeconds(5));
        api = new ApiServer(etcd.client(), clock, random);
        api.start();
        for (String ns : List.of("default", "kube-system")) {
            api.await(api.create(new NamespaceBuilder().withNewMetadata().withName(ns).endMetadata().build()));
        }
        clock.advance(Duration.between(clock.now(), START));
        shell = CommandLineShell.withBuiltinsAnd(List.of(new KubectlCommand(api, "default", KubectlCommand.DEFAULT_SERVER, () -> clock.now().plus(laptopAhead))),
                workspace);
    }

    CommandResult run(String line) {
        return shell.run(line);
    }

    /** Runs a line that must succeed quietly on stderr, and returns its stdout. */
    String ok(String line) {
        CommandResult result = shell.run(line);
        assertThat(result.stderr()).as(line).isEmpty();
        assertThat(result.exitCode()).as(line).isZero();
        return result.stdout();
    }

    <T extends HasMetadata> T create(T object) {
        return api.await(api.create(object));
    }

    <T extends HasMetadata> T status(T object) {
        return api.await(api.updateStatus(object));
    }

    /** Runs the control plane's clock: timers fire, writes complete. */
    void advance(Duration by) {
        clock.advance(by);
    }

    /**
     * Lets time pass as kubectl sees it (ages) without running the control plane through it:
     * three etcd members' heartbeats make minutes of virtual time cost seconds of test time.
     */
    void later(Duration by) {
        laptopAhead = laptopAhead.plus(by);
    }

    /** Sets the time kubectl sees, whatever the control plane's clock says. */
    void laptopAt(Instant at) {
        laptopAhead = Duration.between(clock.now(), at);
    }

    /** An object from a YAML or JSON test resource, decoded as the API server decodes it. */
    static <T> T fixture(String name, Class<T> type) {
        try {
            var tree = new com.fasterxml.jackson.dataformat.yaml.YAMLMapper().readTree(resource(name));
            return Codec.shared().decode(tree, type);
        } catch (Exception e) {
            throw new IllegalStateException(name, e);
        }
    }

    static String resource(String name) {
        try (InputStream in = TestCluster.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
