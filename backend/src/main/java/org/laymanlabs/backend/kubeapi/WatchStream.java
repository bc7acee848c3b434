package org.laymanlabs.backend.kubeapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import org.laymanlabs.sandbox.kube.api.Codec;
import org.laymanlabs.sandbox.kube.apiserver.ApiException;
import org.laymanlabs.sandbox.kube.apiserver.ApiServer;
import org.laymanlabs.sandbox.kube.apiserver.ApiWatch;

/**
 * Mirrors the watch handler (endpoints/handlers/watch.go): one {@code {"type","object"}} line per
 * change, as a chunked JSON stream, or one text message each over a WebSocket (fabric8 asks for
 * that first). Without a resourceVersion (or with "0") the current objects come first as ADDED,
 * as the watch cache sends them. Events arrive as the sandbox's clock runs; each is encoded on
 * the sandbox's thread, where the object may be read, and written out on the connection's.
 * The watch ends when the client goes, or after timeoutSeconds.
 */
final class WatchStream {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(30);
    private static final byte[] END = new byte[0];

    private final BlockingQueue<byte[]> events = new LinkedBlockingQueue<>();
    private final AtomicBoolean columnsSent = new AtomicBoolean();
    private final ResourcePath at;
    private final boolean table;

    private WatchStream(ResourcePath at, boolean table) {
        this.at = at;
        this.table = table;
    }

    static void serve(KubeCall call) throws IOException {
        WatchStream stream = new WatchStream(call.path(), Tables.wanted(call.request().header("accept").orElse("")));
        ApiWatch watch = call.query(s -> stream.start(s.cluster().api(), call.request()));
        try {
            if (call.request().wantsWebSocket()) {
                stream.overWebSocket(call);
            } else {
                stream.chunked(call);
            }
        } finally {
            if (watch != null) {
                call.sandbox().query(s -> {
                    watch.cancel();
                    return null;
                });
            }
        }
    }

    /** Runs on the sandbox's thread: the initial events, then the watch itself (null if refused with an ERROR event). */
    private ApiWatch start(ApiServer api, HttpRequest request) {
        Predicate<HasMetadata> selected = ResourceReads.selector(at, request);
        String version = request.param("resourceVersion").orElse("");
        long from;
        if (version.isEmpty() || version.equals("0")) {
            api.list(at.type(), at.namespace()).stream().filter(selected)
                    .forEach(o -> events.add(encode("ADDED", o, api)));
            from = api.resourceVersion();
        } else {
            try {
                from = Long.parseLong(version);
            } catch (NumberFormatException e) {
                throw new ApiException(ApiException.Reason.BAD_REQUEST, "invalid resource version: " + version);
            }
        }
        try {
            return api.watch(at.type(), at.namespace(), from, event -> {
                if (selected.test(event.object())) {
                    events.add(encode(event.type().name(), event.object(), api));
                }
            });
        } catch (ApiException e) {
            ObjectNode error = NODES.objectNode().put("type", "ERROR");
            error.set("object", statusOf(e));
            events.add(line(error));
            events.add(END);
            return null;
        }
    }

    private byte[] encode(String type, HasMetadata object, ApiServer api) {
        ObjectNode event = NODES.objectNode().put("type", type);
        JsonNode body = table ? Tables.of(at.type(), List.of(object), api.clock().now(), object.getMetadata().getResourceVersion(),
                !columnsSent.getAndSet(true)) : Codec.shared().toTree(object);
        event.set("object", body);
        return line(event);
    }

    private static ObjectNode statusOf(ApiException e) {
        ObjectNode status = NODES.objectNode().put("kind", "Status").put("apiVersion", "v1");
        status.putObject("metadata");
        return status.put("status", "Failure").put("message", e.getMessage()).put("reason", e.reason().word())
                .put("code", e.reason().code());
    }

    private static byte[] line(ObjectNode event) {
        return (Codec.shared().toStorage(event) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    private void chunked(KubeCall call) throws IOException {
        AtomicBoolean gone = new AtomicBoolean();
        InputStream in = call.in();
        Thread hangUp = KubeCall.daemon("kube-api-watch-hangup", () -> {
            try {
                while (in.read() != -1) {
                    // A client sends nothing on a watch; reading only tells us when it hangs up.
                }
            } catch (IOException e) {
                // The connection is gone either way.
            }
            gone.set(true);
        });
        hangUp.start();
        try (OutputStream out = call.response().chunked(200, Status.JSON)) {
            pump(call, gone, out::write);
        }
    }

    private void overWebSocket(KubeCall call) throws IOException {
        WebSocket socket = WebSocket.accept(call.request(), call.response(), call.in(), List.of());
        AtomicBoolean gone = new AtomicBoolean();
        Thread reader = KubeCall.daemon("kube-api-watch-ws", () -> {
            try {
                for (var frame = socket.read(); frame.isPresent(); frame = socket.read()) {
                    if (frame.get().opcode() == WebSocket.PING) {
                        socket.send(WebSocket.PONG, frame.get().payload());
                    } else if (frame.get().opcode() == WebSocket.CLOSE) {
                        break;
                    }
                }
            } catch (IOException e) {
                // The connection is gone either way.
            }
            gone.set(true);
        });
        reader.start();
        pump(call, gone, bytes -> socket.send(WebSocket.TEXT, bytes));
        if (!gone.get()) {
            socket.close();
        }
    }

    private interface Sink {
        void write(byte[] bytes) throws IOException;
    }

    private void pump(KubeCall call, AtomicBoolean gone, Sink sink) throws IOException {
        long timeout = call.request().param("timeoutSeconds").map(Long::parseLong).map(s -> s * 1000)
                .orElse(DEFAULT_TIMEOUT.toMillis());
        long deadline = System.currentTimeMillis() + timeout;
        while (!gone.get() && System.currentTimeMillis() < deadline) {
            byte[] event;
            try {
                event = events.poll(100, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (event == END) {
                return;
            }
            if (event != null) {
                sink.write(event);
            }
        }
    }
}
