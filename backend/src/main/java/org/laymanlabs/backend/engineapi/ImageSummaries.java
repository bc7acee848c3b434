package org.laymanlabs.backend.engineapi;

import org.laymanlabs.sandbox.image.ImageStore;
import org.laymanlabs.sandbox.image.ImageSummary;
import org.laymanlabs.sandbox.image.Reference;
import org.laymanlabs.sandbox.image.json.JsonValue;
import org.laymanlabs.sandbox.image.json.JsonValue.Obj;

/**
 * One image as {@code GET /images/json} and {@code /system/df} list it: moby api/types/image.Summary,
 * in its field order. Containers and SharedSize are -1 unless computed, as only the disk usage does.
 */
final class ImageSummaries {

    private ImageSummaries() {
    }

    static Obj of(ImageSummary s, ImageStore store, boolean usage) {
        Obj.Builder labels = Obj.map();
        store.byId(s.id()).ifPresent(image -> image.config().labels().forEach(labels::put));
        Obj builtLabels = labels.build();
        String parent = store.byId(s.id()).flatMap(image -> image.parent()).map(Object::toString).orElse("");
        return Obj.struct().put("Containers", usage ? s.containers() : -1)
                .put("Created", s.created().getEpochSecond()).put("Id", s.id().toString())
                .put("Labels", builtLabels.fields().isEmpty() ? new JsonValue.Null() : builtLabels)
                .put("ParentId", parent)
                .put("RepoDigests", JsonValue.ofStrings(s.repoDigests().stream().map(Reference::familiarString).toList()))
                .put("RepoTags", JsonValue.ofStrings(s.repoTags().stream().map(Reference::familiarString).toList()))
                .put("SharedSize", usage ? s.sharedSize() : -1).put("Size", s.size()).build();
    }
}
