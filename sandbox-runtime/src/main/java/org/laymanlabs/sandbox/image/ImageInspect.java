package org.laymanlabs.sandbox.image;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.laymanlabs.sandbox.image.json.GoTime;
import org.laymanlabs.sandbox.image.json.JsonValue;
import org.laymanlabs.sandbox.image.json.JsonValue.Obj;

/**
 * {@code GET /images/{name}/json} for API 1.50: the fields and their order as Docker 28 prints
 * them, with the overlay2 graph driver's directories. Mirrors moby api/types/image.InspectResponse
 * and daemon/images/image_inspect.go (Config is the OCI image config, without the container-only
 * fields API 1.50 dropped).
 */
public final class ImageInspect {

    private static final String OVERLAY_ROOT = "/var/lib/docker/overlay2/";

    private ImageInspect() {
    }

    public static Obj of(Image image, ImageStore store) {
        List<Reference> refs = store.references(image.id());
        List<HistoryEntry> history = image.history();
        return Obj.struct()
                .put("Id", image.id().toString())
                .put("RepoTags", strings(refs.stream().filter(r -> r.digestIfAny().isEmpty()).toList()))
                .put("RepoDigests", strings(refs.stream().filter(r -> r.digestIfAny().isPresent()).toList()))
                .put("Parent", image.parent().map(Digest::toString).orElse(""))
                .put("Comment", history.isEmpty() ? "" : history.get(history.size() - 1).comment())
                .put("Created", GoTime.rfc3339Nano(image.created()))
                .put("DockerVersion", "")
                .put("Author", "")
                .put("Config", ImageJson.containerConfig(image.config()))
                .put("Architecture", "amd64")
                .put("Os", "linux")
                .put("Size", image.size())
                .put("GraphDriver", graphDriver(image))
                .put("RootFS", Obj.struct().put("Type", "layers")
                        .putIfNotEmpty("Layers", JsonValue.ofStrings(image.diffIds().stream().map(Digest::toString).toList()))
                        .build())
                .put("Metadata", Obj.struct().put("LastTagTime",
                        store.lastTagTime(image.id()).map(GoTime::rfc3339Nano).orElse(GoTime.ZERO)).build())
                .build();
    }

    private static JsonValue strings(List<Reference> refs) {
        return JsonValue.ofStrings(refs.stream().map(Reference::familiarString).toList());
    }

    /** overlay2's directories: the top layer's diff as UpperDir, the layers below it (top first) as LowerDir. */
    private static Obj graphDriver(Image image) {
        List<Layer> topFirst = new ArrayList<>(image.layers());
        Collections.reverse(topFirst);
        Obj.Builder data = Obj.map();
        if (!topFirst.isEmpty()) {
            String top = OVERLAY_ROOT + cacheId(topFirst.get(0));
            if (topFirst.size() > 1) {
                data.put("LowerDir", String.join(":", topFirst.subList(1, topFirst.size()).stream()
                        .map(l -> OVERLAY_ROOT + cacheId(l) + "/diff").toList()));
            }
            data.put("MergedDir", top + "/merged").put("UpperDir", top + "/diff").put("WorkDir", top + "/work");
        }
        return Obj.struct().put("Data", data.build()).put("Name", "overlay2").build();
    }

    /** The directory name overlay2 keeps a layer in; Docker picks a random one, this one is derived from the chain ID. */
    public static String cacheId(Layer layer) {
        return Digest.sha256("overlay2 cache " + layer.chainId()).hex();
    }
}
