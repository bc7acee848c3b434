package org.laymanlabs.sandbox.image;

import java.util.List;
import org.laymanlabs.sandbox.image.json.GoTime;
import org.laymanlabs.sandbox.image.json.JsonValue;
import org.laymanlabs.sandbox.image.json.JsonValue.Obj;
import org.laymanlabs.sandbox.image.json.JsonWriter;

/**
 * The JSON documents of the image spec: the image config whose digest is the image ID, the
 * container config inside it, and the schema 2 manifest a registry serves. Mirrors moby
 * image/image.go and the Docker image manifest v2 schema 2.
 */
public final class ImageJson {

    static final String MANIFEST_TYPE = "application/vnd.docker.distribution.manifest.v2+json";
    static final String CONFIG_TYPE = "application/vnd.docker.container.image.v1+json";
    static final String LAYER_TYPE = "application/vnd.docker.image.rootfs.diff.tar.gzip";

    private ImageJson() {
    }

    /** The {@code Config} object in OCI field order, every field {@code omitempty}. */
    public static Obj containerConfig(ImageConfig config) {
        Obj.Builder ports = Obj.map();
        config.exposedPorts().forEach(p -> ports.put(p, Obj.struct().build()));
        Obj.Builder volumes = Obj.map();
        config.volumes().forEach(v -> volumes.put(v, Obj.struct().build()));
        Obj.Builder labels = Obj.map();
        config.labels().forEach(labels::put);
        return Obj.struct()
                .putIfNotEmpty("User", JsonValue.of(config.user()))
                .putIfNotEmpty("ExposedPorts", ports.build())
                .putIfNotEmpty("Env", JsonValue.ofStrings(config.env()))
                .putIfNotEmpty("Entrypoint", JsonValue.ofStrings(config.entrypoint()))
                .putIfNotEmpty("Cmd", JsonValue.ofStrings(config.cmd()))
                .putIfNotEmpty("Volumes", volumes.build())
                .putIfNotEmpty("WorkingDir", JsonValue.of(config.workingDir()))
                .putIfNotEmpty("Labels", labels.build())
                .putIfNotEmpty("StopSignal", JsonValue.of(config.stopSignal()))
                .build();
    }

    static byte[] canonicalConfig(Image image) {
        List<JsonValue> history = image.history().stream().<JsonValue>map(h -> Obj.struct()
                .put("created", GoTime.rfc3339Nano(h.created()))
                .putIfNotEmpty("created_by", JsonValue.of(h.createdBy()))
                .putIfNotEmpty("comment", JsonValue.of(h.comment()))
                .putIfNotEmpty("empty_layer", JsonValue.of(h.emptyLayer()))
                .build()).toList();
        Obj rootfs = Obj.struct().put("type", "layers")
                .put("diff_ids", JsonValue.ofStrings(image.diffIds().stream().map(Digest::toString).toList()))
                .build();
        Obj.Builder config = Obj.struct()
                .put("architecture", "amd64")
                .put("config", containerConfig(image.config()))
                .put("created", GoTime.rfc3339Nano(image.created()))
                .put("history", new JsonValue.Arr(history))
                .put("os", "linux")
                .put("rootfs", rootfs);
        image.parent().ifPresent(p -> config.put("parent", p.toString()));
        return JsonWriter.canonical(config.build());
    }

    /** The schema 2 manifest as a registry stores it (three-space indent, as distribution marshals it). */
    public static String manifest(Image image) {
        byte[] config = image.configJson();
        List<JsonValue> layers = image.layers().stream().<JsonValue>map(l -> Obj.struct()
                .put("mediaType", LAYER_TYPE)
                .put("size", l.compressedSize())
                .put("digest", l.blobDigest().toString())
                .build()).toList();
        Obj manifest = Obj.struct()
                .put("schemaVersion", 2)
                .put("mediaType", MANIFEST_TYPE)
                .put("config", Obj.struct().put("mediaType", CONFIG_TYPE).put("size", config.length)
                        .put("digest", image.id().toString()).build())
                .put("layers", new JsonValue.Arr(layers))
                .build();
        return JsonWriter.indented(manifest, "   ");
    }
}
