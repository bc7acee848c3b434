package org.laymanlabs.sandbox.kube.kubelet;

import io.fabric8.kubernetes.api.model.Container;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.laymanlabs.sandbox.image.Image;
import org.laymanlabs.sandbox.image.InvalidReferenceException;
import org.laymanlabs.sandbox.image.Reference;
import org.laymanlabs.sandbox.kube.client.EventRecorder;
import org.laymanlabs.sandbox.kube.cri.ImagePullException;
import org.laymanlabs.sandbox.kube.cri.ImageService;
import org.laymanlabs.sandbox.time.VirtualClock;

/**
 * Mirrors pkg/kubelet/images/image_manager.go EnsureImageExists: the pull policy decides
 * (IfNotPresent, Always, Never), failed pulls back off per pod and image, and the events and
 * messages are the kubelet's. Pulls are serialized on the node (serializeImagePulls); each takes
 * the time its bytes need at the node's bandwidth, which the "including waiting" part counts.
 */
final class ImageManager {

    /** How fast a node fetches layers: about 60 MB/s, a kind node on a good connection. */
    static final long BYTES_PER_SECOND = 60_000_000L;
    /** A failing pull still asks the registry for a token and the manifest first. */
    static final Duration RESOLVE = Duration.ofMillis(450);

    /** What EnsureImageExists settled. */
    sealed interface Outcome {
        record Present(Image image) implements Outcome { }

        /** A pull runs; the worker syncs the pod again when it ends. */
        record Pulling() implements Outcome { }

        record Failed(String reason, String message) implements Outcome { }
    }

    private final VirtualClock clock;
    private final ImageService images;
    private final EventRecorder events;
    private final BackOff backOff;
    private Instant pullsFreeAt;
    /** Pulls that just finished: the start they were for goes on without a second "already present" event. */
    private final java.util.Set<String> justPulled = new java.util.HashSet<>();

    ImageManager(VirtualClock clock, ImageService images, EventRecorder events) {
        this.clock = clock;
        this.images = images;
        this.events = events;
        this.backOff = new BackOff(clock::now);
        this.pullsFreeAt = clock.now();
    }

    /** What to do once a pull this asked for is done; serializable, as a pending pull's timer keeps it. */
    @FunctionalInterface
    interface WhenPulled extends Runnable, java.io.Serializable {
    }

    Outcome ensure(PodRecord pod, Container container, WhenPulled pulled) {
        String image = container.getImage();
        try {
            Reference.parse(image);
        } catch (InvalidReferenceException e) {
            String message = "Failed to apply default image tag \"" + image + "\": couldn't parse image name \"" + image
                    + "\": " + e.getMessage();
            events.event(pod.pod, EventRecorder.Type.Warning, "InspectFailed", message);
            return new Outcome.Failed("InvalidImageName", message);
        }
        Optional<Image> present = images.status(image);
        String policy = container.getImagePullPolicy() == null ? "IfNotPresent" : container.getImagePullPolicy();
        String key = pod.uid() + "_" + image;
        if (present.isPresent() && justPulled.remove(key)) {
            return new Outcome.Present(present.get());
        }
        if (policy.equals("Never") || (policy.equals("IfNotPresent") && present.isPresent())) {
            if (present.isPresent()) {
                events.event(pod.pod, EventRecorder.Type.Normal, "Pulled", "Container image \"" + image + "\" already present on machine");
                return new Outcome.Present(present.get());
            }
            String message = "Container image \"" + image + "\" is not present with pull policy of Never";
            events.event(pod.pod, EventRecorder.Type.Warning, "ErrImageNeverPull", message);
            return new Outcome.Failed("ErrImageNeverPull", message);
        }
        if (backOff.inBackOffSinceUpdate(key)) {
            String message = "Back-off pulling image \"" + image + "\"";
            events.event(pod.pod, EventRecorder.Type.Normal, "BackOff", message);
            return new Outcome.Failed("ImagePullBackOff", message);
        }
        events.event(pod.pod, EventRecorder.Type.Normal, "Pulling", "Pulling image \"" + image + "\"");
        pull(pod, container.getName(), key, image, pulled);
        return new Outcome.Pulling();
    }

    /** When a failed pull's back-off ends, for the worker's next sync. */
    Instant retryAt(PodRecord pod, String image) {
        String key = pod.uid() + "_" + image;
        return backOff.until(key, backOff.lastUpdate(key));
    }

    private void pull(PodRecord pod, String name, String key, String image, WhenPulled done) {
        Instant asked = clock.now();
        Instant start = pullsFreeAt.isAfter(asked) ? pullsFreeAt : asked;
        Optional<Image> available = peek(image);
        Duration took = available.map(i -> Duration.ofMillis(Math.max(1, images.size(i) * 1000 / BYTES_PER_SECOND))).orElse(RESOLVE);
        pullsFreeAt = start.plus(took);
        clock.schedule(Duration.between(asked, pullsFreeAt), () -> {
            try {
                Image pulledImage = images.pull(image);
                events.event(pod.pod, EventRecorder.Type.Normal, "Pulled", "Successfully pulled image \"" + image + "\" in "
                        + BackOff.go(took) + " (" + BackOff.go(Duration.between(asked, clock.now())) + " including waiting)."
                        + " Image size: " + images.size(pulledImage) + " bytes.");
                backOff.reset(key);
                justPulled.add(key);
            } catch (ImagePullException e) {
                events.event(pod.pod, EventRecorder.Type.Warning, "Failed", "Failed to pull image \"" + image + "\": " + e.getMessage());
                backOff.next(key, clock.now());
                pod.waiting.put(name, new PodRecord.Waiting("ErrImagePull", e.getMessage()));
            }
            done.run();
        });
    }

    /** The registry's image for a reference, to know how long its pull takes; empty if the pull will fail. */
    private Optional<Image> peek(String image) {
        return images.available(image);
    }
}
