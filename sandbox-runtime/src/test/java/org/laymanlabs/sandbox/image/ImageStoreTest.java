package org.laymanlabs.sandbox.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.laymanlabs.sandbox.image.catalog.Catalog;
import org.laymanlabs.sandbox.image.fs.Diff;
import org.laymanlabs.sandbox.time.VirtualClock;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("A sandbox's image store")
class ImageStoreTest {

    private final VirtualClock clock = new VirtualClock(Instant.parse("2025-06-12T10:00:00Z"));
    private final ImageStore store = new ImageStore(clock, ContainerUsage.none());
    private final Registry registry = Catalog.shared().registry();
    private final Puller puller = new Puller(store, registry);

    private Image pull(String reference) {
        return puller.pull(Reference.parse(reference)).image();
    }

    private static List<String> lines(List<DeleteRecord> records) {
        return records.stream().map(r -> r instanceof DeleteRecord.Untagged u
                ? "Untagged: " + u.reference().familiarString()
                : "Deleted: " + ((DeleteRecord.Deleted) r).digest()).toList();
    }

    @Nested
    @DisplayName("rmi")
    class Remove {

        @Test
        void untagsOnlyWhenTheImageHasAnotherTag() {
            Image nginx = pull("nginx");
            store.tag(nginx, Reference.parse("web"));

            assertThat(lines(store.delete("web", false, true))).containsExactly("Untagged: web:latest");
            assertThat(store.byId(nginx.id())).isPresent();
        }

        @Test
        void deletesTheImageAndItsUnsharedLayersTopFirstWhenTheLastTagGoes() {
            pull("nginx");
            Image python = pull("python:3.12-slim");
            List<Layer> own = python.layers().subList(1, 4);

            List<String> lines = lines(store.delete("python:3.12-slim", false, true));

            assertThat(lines).containsExactly("Untagged: python:3.12-slim",
                    "Untagged: python@" + Manifest.of(python).digest(),
                    "Deleted: " + python.id(),
                    "Deleted: " + own.get(2).chainId(), "Deleted: " + own.get(1).chainId(), "Deleted: " + own.get(0).chainId());
            assertThat(store.layers().contains(python.layers().get(0).chainId())).as("the base nginx still uses").isTrue();
        }

        @Test
        void byIdWithTwoRepositoriesNeedsForceAndThenUntagsEverything() {
            Image alpine = pull("alpine");
            store.tag(alpine, Reference.parse("mine:1"));

            assertThatThrownBy(() -> store.delete(alpine.id().shortId(), false, true))
                    .hasMessage("conflict: unable to delete " + alpine.id().shortId()
                            + " (must be forced) - image is referenced in multiple repositories");
            assertThat(lines(store.delete(alpine.id().shortId(), true, true))).containsExactly(
                    "Untagged: alpine:latest", "Untagged: alpine@" + Manifest.of(alpine).digest(), "Untagged: mine:1",
                    "Deleted: " + alpine.id(), "Deleted: " + alpine.layers().get(0).chainId());
            assertThat(store.images()).isEmpty();
        }

        @Test
        void refusesWhileARunningContainerUsesTheImageEvenWithForce() {
            ImageStore busy = new ImageStore(clock, id -> List.of(new ContainerUsage.User("abcdef0123456789", true)));
            Image alpine = new Puller(busy, registry).pull(Reference.parse("alpine")).image();

            assertThatThrownBy(() -> busy.delete(alpine.id().hex(), true, true)).hasMessage("conflict: unable to delete "
                    + alpine.id().shortId() + " (cannot be forced) - image is being used by running container abcdef012345");
        }
    }

    @Nested
    @DisplayName("the build cache")
    class Builds {

        private final Diff copyApp = Diff.builder().file("/app/app.py", "print('hi')\n").build();

        @Test
        void findsTheStepItBuiltBeforeOnTheSameParent() {
            Image base = pull("python:3.12-slim");
            String step = "COPY app.py /app/ # buildkit";

            assertThat(store.buildCache().lookup(base, step)).isEmpty();
            Image built = store.buildCache().commit(base, copyApp, base.config(), step, "buildkit.dockerfile.v0");
            clock.advance(Duration.ofMinutes(5));

            assertThat(store.buildCache().lookup(base, step)).contains(built);
            assertThat(store.buildCache().lookup(base, "COPY other.py /app/ # buildkit")).isEmpty();
        }

        @Test
        void theSameInstructionOnTheSameParentGivesTheSameLayerDigestsInAnySandbox() {
            ImageStore other = new ImageStore(new VirtualClock(Instant.parse("2030-01-01T00:00:00Z")), ContainerUsage.none());
            Image here = store.buildCache().commit(pull("alpine"), copyApp, ImageConfig.empty(), "COPY . /app", "");
            Image there = other.buildCache().commit(new Puller(other, registry).pull(Reference.parse("alpine")).image(),
                    Diff.builder().file("/app/app.py", "print('hi')\n").build(), ImageConfig.empty(), "COPY . /app", "");

            assertThat(there.topLayer().get().chainId()).isEqualTo(here.topLayer().get().chainId());
            assertThat(there.diffIds()).isEqualTo(here.diffIds());
        }

        @Test
        void aMetadataStepAddsNoLayerAndHistoryShowsTheLocalParentIds() {
            Image base = pull("alpine");
            Image env = store.buildCache().commit(base, null, base.config().withEnv("MODE", "dev"), "ENV MODE=dev", "");
            store.tag(env, Reference.parse("dev"));

            assertThat(env.layers()).isEqualTo(base.layers());
            assertThat(env.parent()).contains(base.id());
            List<HistoryItem> history = store.history("dev");
            assertThat(history).extracting(HistoryItem::id)
                    .containsExactly(env.id().toString(), base.id().toString(), HistoryItem.MISSING);
            assertThat(history.get(0).tags()).containsExactly("dev:latest");
        }
    }

    @Test
    void diskUsageCountsEachSharedLayerOnce() {
        Image crashloop = pull("laymanlabs/crashloop:1.0");
        Image slowStart = pull("laymanlabs/slow-start:1.0");
        Layer busybox = crashloop.layers().get(0);

        assertThat(slowStart.layers().get(0)).isSameAs(busybox);
        assertThat(store.diskUsage()).isEqualTo(new ImageDiskUsage(2, 0,
                busybox.size() + crashloop.layers().get(1).size() + slowStart.layers().get(1).size(),
                busybox.size() + crashloop.layers().get(1).size() + slowStart.layers().get(1).size()));
        assertThat(store.diskUsage().size()).isLessThan(crashloop.size() + slowStart.size());
    }

    @Test
    void pushThenPullRoundTripsThroughTheSandboxRegistry() {
        Image nginx = pull("nginx");
        store.tag(nginx, Reference.parse("alice/web:1.0"));
        Pusher pusher = new Pusher(store, registry);

        PushResult pushed = pusher.push(Reference.parse("alice/web:1.0"));
        store.delete("alice/web:1.0", false, true);
        PullResult pulled = puller.pull(Reference.parse("alice/web:1.0"));

        assertThat(pushed.layers()).extracting(LayerProgress::status).containsOnly("Mounted from library/nginx");
        assertThat(pushed.summary()).startsWith("1.0: digest: sha256:").endsWith(" size: " + Manifest.of(nginx).size());
        assertThat(pulled.image()).isEqualTo(nginx);
        assertThat(pusher.push(Reference.parse("alice/web:1.0")).layers()).extracting(LayerProgress::status)
                .containsOnly("Layer already exists");
    }
}
