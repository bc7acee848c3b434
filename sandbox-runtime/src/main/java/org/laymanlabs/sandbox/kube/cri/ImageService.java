package org.laymanlabs.sandbox.kube.cri;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.laymanlabs.sandbox.image.DaemonException;
import org.laymanlabs.sandbox.image.Image;
import org.laymanlabs.sandbox.image.ImageStore;
import org.laymanlabs.sandbox.image.InvalidReferenceException;
import org.laymanlabs.sandbox.image.PullResult;
import org.laymanlabs.sandbox.image.Puller;
import org.laymanlabs.sandbox.image.Reference;
import org.laymanlabs.sandbox.image.Registry;
import org.laymanlabs.sandbox.time.VirtualClock;

/**
 * containerd's CRI ImageService on one node (internal/cri/server/images): the node's own image
 * store, filled from the sandbox's registry as {@code crictl pull} and the kubelet fill it, with
 * containerd's error messages for a pull that fails.
 */
public final class ImageService {

    private final VirtualClock clock;
    private final ImageStore store;
    private final Puller puller;
    private final Registry registry;

    ImageService(VirtualClock clock, ImageStore store, Registry registry) {
        this.clock = clock;
        this.store = store;
        this.registry = registry;
        this.puller = new Puller(store, registry);
    }

    /** The image the registry would give for a reference, if any (to know how many bytes a pull moves). */
    public Optional<Image> available(String image) {
        try {
            return registry.manifest(Reference.parse(image).withDefaultTag()).map(m -> m.image());
        } catch (InvalidReferenceException e) {
            return Optional.empty();
        }
    }

    /** ImageStatus: the image a reference names, if the node has it. */
    public Optional<Image> status(String image) {
        try {
            return store.lookup(Reference.parse(image).withDefaultTag()).flatMap(store::byId);
        } catch (InvalidReferenceException e) {
            return Optional.empty();
        }
    }

    /**
     * PullImage: fetches the image from the registry into the node's store.
     *
     * @throws ImagePullException with containerd's message
     */
    public Image pull(String image) {
        Reference ref;
        try {
            ref = Reference.parse(image).withDefaultTag();
        } catch (InvalidReferenceException e) {
            throw new ImagePullException("failed to pull and unpack image \"" + image + "\": " + e.getMessage());
        }
        String full = ref.toString();
        try {
            PullResult result = puller.pull(ref);
            return result.image();
        } catch (DaemonException e) {
            String why = switch (e.kind()) {
                case UNAVAILABLE -> "failed to do request: Head \"https://" + ref.domain() + "/v2/" + ref.path() + "/manifests/"
                        + ref.tag() + "\": dial tcp: lookup " + ref.domain() + ": no such host";
                default -> e.getMessage().startsWith("manifest for") ? full + ": not found"
                        : "pull access denied, repository does not exist or may require authorization: server message:"
                        + " insufficient_scope: authorization failed";
            };
            throw new ImagePullException("failed to pull and unpack image \"" + full + "\": failed to resolve reference \""
                    + full + "\": " + why);
        }
    }

    /**
     * The image's size as containerd counts it (CRI ImageStatus size): its content in the store,
     * the compressed layer blobs and the config, not the unpacked size {@code docker images} shows.
     */
    public long size(Image image) {
        return image.layers().stream().mapToLong(l -> l.compressedSize()).sum() + image.configJson().length;
    }

    /** ListImages, as crictl images orders them: by repository and tag. */
    public List<Image> list() {
        return store.images().stream().sorted(Comparator.comparing(i -> tags(i).stream().findFirst().orElse(""))).toList();
    }

    /** The image's tagged references, e.g. {@code docker.io/library/nginx:1.27}. */
    public List<String> tags(Image image) {
        return store.references(image.id()).stream().filter(r -> r.digestIfAny().isEmpty()).map(Reference::toString).toList();
    }

    /** Its repository digests, e.g. {@code docker.io/library/nginx@sha256:…}. */
    public List<String> digests(Image image) {
        return store.references(image.id()).stream().filter(r -> r.digestIfAny().isPresent()).map(Reference::toString).toList();
    }

    /** The reference a container's status gives as imageID: the digest in the image's repository. */
    String repoDigest(Image image, String asked) {
        String repo;
        try {
            repo = Reference.parse(asked).name();
        } catch (InvalidReferenceException e) {
            repo = "";
        }
        String wanted = repo;
        return digests(image).stream().filter(d -> d.startsWith(wanted + "@")).findFirst()
                .or(() -> digests(image).stream().findFirst()).orElse(image.id().toString());
    }

    VirtualClock clock() {
        return clock;
    }
}
