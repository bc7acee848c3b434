package org.laymanlabs.sandbox.docker;

import org.laymanlabs.sandbox.container.Volume;
import org.laymanlabs.sandbox.image.json.GoTime;
import org.laymanlabs.sandbox.image.json.JsonValue;
import org.laymanlabs.sandbox.image.json.JsonValue.Obj;

/**
 * A volume as {@code GET /volumes/{name}} returns it in API 1.50 (moby api/types/volume Volume,
 * fields in its JSON order; CreatedAt is the local driver's RFC 3339 time in whole seconds).
 */
public final class VolumeInspect {

    private VolumeInspect() {
    }

    public static Obj of(Volume v) {
        JsonValue emptyOrNull = v.requested() ? Obj.map().build() : new JsonValue.Null();
        return Obj.struct().put("CreatedAt", GoTime.rfc3339(v.created())).put("Driver", "local")
                .put("Labels", emptyOrNull).put("Mountpoint", v.mountpoint()).put("Name", v.name())
                .put("Options", emptyOrNull).put("Scope", "local").build();
    }
}
