package org.laymanlabs.backend.engineapi;

import java.io.IOException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.laymanlabs.backend.session.ApiResponse;
import org.laymanlabs.sandbox.image.DaemonException;
import org.laymanlabs.sandbox.image.DeleteRecord;
import org.laymanlabs.sandbox.image.HistoryItem;
import org.laymanlabs.sandbox.image.Image;
import org.laymanlabs.sandbox.image.ImageInspect;
import org.laymanlabs.sandbox.image.InvalidReferenceException;
import org.laymanlabs.sandbox.image.LayerProgress;
import org.laymanlabs.sandbox.image.PullResult;
import org.laymanlabs.sandbox.image.PushResult;
import org.laymanlabs.sandbox.image.Reference;
import org.laymanlabs.sandbox.image.json.JsonValue;
import org.laymanlabs.sandbox.image.json.JsonValue.Obj;
import org.laymanlabs.sandbox.image.json.JsonWriter;

/**
 * The image routes. Mirrors moby api/server/router/image/image_routes.go: list, pull
 * ({@code POST /images/create}, a JSON-lines progress stream), inspect, history, tag (201),
 * delete (the untagged and deleted list) and push (a progress stream whose errors are part of it).
 * A pull or push streams each layer's final line, as a terminal shows it once done. Pull, tag,
 * delete and push change the sandbox and are journaled; the rest are reads.
 */
final class ImageRoutes {

    private static final Pattern PUSH_SUMMARY = Pattern.compile("(.+): digest: (\\S+) size: (\\d+)");

    private ImageRoutes() {
    }

    static void list(ApiCall call) throws IOException {
        boolean all = call.flag("all");
        List<String> terms = Filters.terms(call.param("filters"));
        String reference = terms.stream().filter(t -> t.startsWith("reference=")).map(t -> t.substring(10)).findFirst()
                .orElse(null);
        call.response.json(200, call.read(sandbox -> JsonWriter.compact(new JsonValue.Arr(
                sandbox.daemon().images().list(all, reference).stream().<JsonValue>map(s -> ImageSummaries.of(s, sandbox.daemon()
                        .images(), false)).toList()))));
    }

    /** {@code ?fromImage=docker.io/library/alpine&tag=latest}: the pull happens first, so its refusal is an HTTP error. */
    static ApiResponse pull(Dispatch d) {
        Reference ref = reference(d.param("fromImage"), d.param("tag"));
        PullResult result = d.sandbox.daemon().puller().pull(ref);
        JsonLines out = new JsonLines();
        String tagOrDigest = ref.digestIfAny().map(Object::toString).orElse(ref.tag());
        out.send(Obj.struct().put("status", "Pulling from " + ref.path()).put("id", tagOrDigest).build());
        for (LayerProgress layer : result.layers()) {
            out.progress(layer.id(), layer.status());
        }
        out.status("Digest: " + result.manifestDigest());
        out.status("Status: " + (result.downloaded() ? "Downloaded newer image for " : "Image is up to date for ")
                + ref.familiarString());
        return out.response();
    }

    static void inspect(ApiCall call) throws IOException {
        call.response.json(200, call.read(sandbox -> JsonWriter.compact(ImageInspect.of(
                sandbox.daemon().images().resolve(call.var("name")), sandbox.daemon().images()))));
    }

    /** moby HistoryResponseItem: Comment, Created, CreatedBy, Id, Size, Tags (null when none). */
    static void history(ApiCall call) throws IOException {
        call.response.json(200, call.read(sandbox -> {
            List<HistoryItem> items = sandbox.daemon().images().history(call.var("name"));
            return JsonWriter.compact(new JsonValue.Arr(items.stream().<JsonValue>map(i -> Obj.struct()
                    .put("Comment", i.comment()).put("Created", i.created().getEpochSecond())
                    .put("CreatedBy", i.createdBy()).put("Id", i.id()).put("Size", i.size())
                    .put("Tags", i.tags().isEmpty() ? new JsonValue.Null() : JsonValue.ofStrings(i.tags())).build()).toList()));
        }));
    }

    /** {@code ?repo=web&tag=v1}: 201 with no body. */
    static ApiResponse tag(Dispatch d) {
        Reference target = reference(d.param("repo"), d.param("tag"));
        if (target.digestIfAny().isPresent()) {
            throw ApiException.badRequest("refusing to create a tag with a digest reference");
        }
        Image image = d.sandbox.daemon().images().resolve(d.var("name"));
        d.sandbox.daemon().images().tag(image, target.withDefaultTag());
        return Dispatch.empty(201);
    }

    /** {@code ?force=&noprune=}: [{"Untagged":…},{"Deleted":…}]. */
    static ApiResponse remove(Dispatch d) {
        List<DeleteRecord> records = d.sandbox.daemon().images().delete(d.var("name"), d.flag("force"), !d.flag("noprune"));
        return Dispatch.json(200, JsonWriter.compact(new JsonValue.Arr(records.stream().<JsonValue>map(r ->
                r instanceof DeleteRecord.Untagged u ? Obj.struct().put("Untagged", u.reference().familiarString()).build()
                        : Obj.struct().put("Deleted", ((DeleteRecord.Deleted) r).digest().toString()).build()).toList())));
    }

    static ApiResponse push(Dispatch d) {
        Reference ref = reference(d.var("name"), d.param("tag"));
        PushResult result = d.sandbox.daemon().pusher().push(ref);
        JsonLines out = new JsonLines();
        out.status("The push refers to repository [" + result.repository() + "]");
        for (LayerProgress layer : result.layers()) {
            out.progress(layer.id(), layer.status());
        }
        if (!result.succeeded()) {
            out.error(result.error(), 0);
            return out.response();
        }
        out.status(result.summary());
        Matcher m = PUSH_SUMMARY.matcher(result.summary());
        if (m.matches()) {
            out.send(Obj.struct().put("progressDetail", Obj.struct().build()).put("aux", Obj.struct()
                    .put("Tag", m.group(1)).put("Digest", m.group(2)).put("Size", Long.parseLong(m.group(3))).build()).build());
        }
        return out.response();
    }

    /** A repository and an optional tag or digest, as the routes receive them; the default tag is latest. */
    static Reference reference(String repository, String tag) {
        try {
            Reference ref = Reference.parse(repository);
            if (tag.isEmpty()) {
                return ref.isNameOnly() ? ref.withDefaultTag() : ref;
            }
            return tag.startsWith("sha256:") ? ref.withDigest(org.laymanlabs.sandbox.image.Digest.parse(tag)) : ref.withTag(tag);
        } catch (InvalidReferenceException | IllegalArgumentException e) {
            throw new DaemonException(DaemonException.Kind.INVALID_PARAMETER, e.getMessage());
        }
    }
}
