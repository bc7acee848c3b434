package org.laymanlabs.backend.engineapi;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.laymanlabs.sandbox.Sandbox;
import org.laymanlabs.sandbox.container.Container;
import org.laymanlabs.sandbox.container.Mount;
import org.laymanlabs.sandbox.container.Volume;
import org.laymanlabs.sandbox.docker.VolumeInspect;
import org.laymanlabs.sandbox.image.ImageStore;
import org.laymanlabs.sandbox.image.ImageSummary;
import org.laymanlabs.sandbox.image.json.JsonValue;
import org.laymanlabs.sandbox.image.json.JsonValue.Obj;

/**
 * {@code GET /system/df}: moby's DiskUsage (daemon/disk_usage.go) — the layers' total, every
 * image with its shared size and container count, every container with its sizes, every volume
 * with its usage, and the (empty) build cache; the CLI sums the rows itself.
 */
final class DiskUsage {

    private DiskUsage() {
    }

    static Obj of(Sandbox sandbox) {
        ImageStore images = sandbox.daemon().images();
        List<JsonValue> imageRows = new ArrayList<>();
        for (ImageSummary listed : images.list(true, null)) {
            imageRows.add(ImageSummaries.of(images.diskUsageSummary(listed.id()), images, true));
        }
        List<JsonValue> containerRows = sandbox.containers().containers().all().stream()
                .<JsonValue>map(c -> ContainerSummaries.of(c, sandbox.containers(), true)).toList();
        Map<Volume, Integer> users = new LinkedHashMap<>();
        sandbox.containers().volumes().all().forEach(v -> users.put(v, 0));
        for (Container c : sandbox.containers().containers().all()) {
            for (Mount m : c.mounts()) {
                users.merge(m.volume(), 1, Integer::sum);
            }
        }
        List<JsonValue> volumeRows = new ArrayList<>();
        users.forEach((volume, refs) -> {
            Obj.Builder row = Obj.struct();
            VolumeInspect.of(volume).fields().forEach(row::put);
            volumeRows.add(row.put("UsageData", Obj.struct().put("Size", volume.size()).put("RefCount", refs).build()).build());
        });
        return Obj.struct().put("LayersSize", images.diskUsage().size())
                .put("Images", new JsonValue.Arr(imageRows)).put("Containers", new JsonValue.Arr(containerRows))
                .put("Volumes", new JsonValue.Arr(volumeRows)).put("BuildCache", new JsonValue.Arr(List.of())).build();
    }
}
