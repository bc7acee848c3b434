package org.laymanlabs.backend.engineapi;

import java.io.IOException;
import org.laymanlabs.backend.session.ApiResponse;
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
        call.response.json(200, call.read(sandbox -> JsonWriter.compact(Obj.struct()
                .put("Volumes", new JsonValue.Arr(sandbox.containers().volumes().all().stream()
                        .<JsonValue>map(VolumeInspect::of).toList()))
                .put("Warnings", new JsonValue.Null()).build())));
    }

    static ApiResponse create(Dispatch d) throws IOException {
        String name = JsonBody.read(d.request, "volume.CreateOptions").string("Name");
        return Dispatch.json(201, JsonWriter.compact(VolumeInspect.of(d.sandbox.containers().volumes().createRequested(name))));
    }

    static void inspect(ApiCall call) throws IOException {
        call.response.json(200, call.read(sandbox -> JsonWriter.compact(VolumeInspect.of(
                sandbox.containers().volumes().get(call.var("name"))))));
    }

    static ApiResponse remove(Dispatch d) {
        d.sandbox.containers().removeVolume(d.sandbox.containers().volumes().get(d.var("name")));
        return Dispatch.empty(204);
    }
}
