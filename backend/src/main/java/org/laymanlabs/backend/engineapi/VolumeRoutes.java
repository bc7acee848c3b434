package org.laymanlabs.backend.engineapi;

import java.io.IOException;
import org.laymanlabs.sandbox.docker.VolumeInspect;
import org.laymanlabs.sandbox.image.json.JsonValue;
import org.laymanlabs.sandbox.image.json.JsonValue.Obj;
import org.laymanlabs.sandbox.image.json.JsonWriter;

/**
 * The volume routes. Mirrors moby api/server/router/volume/volume_routes.go: the list wraps the
 * volumes with Warnings, create answers 201 with the volume, delete 204 (409 while in use).
 */
final class VolumeRoutes {

    private VolumeRoutes() {
    }

    static void list(ApiCall call) throws IOException {
        call.response.json(200, call.run(sandbox -> JsonWriter.compact(Obj.struct()
                .put("Volumes", new JsonValue.Arr(sandbox.containers().volumes().all().stream()
                        .<JsonValue>map(VolumeInspect::of).toList()))
                .put("Warnings", new JsonValue.Null()).build())));
    }

    static void create(ApiCall call) throws IOException {
        String name = JsonBody.read(call.request, "volume.CreateOptions").string("Name");
        call.response.json(201, call.run(sandbox -> JsonWriter.compact(VolumeInspect.of(
                sandbox.containers().volumes().createRequested(name)))));
    }

    static void inspect(ApiCall call) throws IOException {
        call.response.json(200, call.run(sandbox -> JsonWriter.compact(VolumeInspect.of(
                sandbox.containers().volumes().get(call.var("name"))))));
    }

    static void remove(ApiCall call) throws IOException {
        call.run(sandbox -> {
            sandbox.containers().removeVolume(sandbox.containers().volumes().get(call.var("name")));
            return null;
        });
        call.response.empty(204);
    }
}
