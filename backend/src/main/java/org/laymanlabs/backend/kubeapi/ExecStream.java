package org.laymanlabs.backend.kubeapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.laymanlabs.backend.session.ApiRequest;
import org.laymanlabs.backend.session.ApiResponse;
import org.laymanlabs.sandbox.container.ContainerEngine;

/**
 * pods/exec over a WebSocket with the channel protocols (apimachinery wsstream, kubelet
 * remotecommand): v5.channel.k8s.io, which kubectl 1.32 asks for first, and v4.channel.k8s.io,
 * which fabric8 asks for. Every binary message starts with its channel: 1 stdout, 2 stderr,
 * 3 the error channel's Status. The command runs as one journaled call before the upgrade, so an
 * error (no such pod or container) is an ordinary Status answer, as kube-apiserver gives one
 * before it dials the kubelet. SPDY, kubectl's fallback, is not served.
 */
final class ExecStream {

    static final List<String> PROTOCOLS = List.of("v5.channel.k8s.io", "v4.channel.k8s.io");
    private static final ObjectMapper JSON = new ObjectMapper();

    private ExecStream() {
    }

    static void serve(KubeCall call, String target, Socket socket) throws IOException {
        HttpRequest request = call.request();
        if (!request.wantsWebSocket() || WebSocket.chosen(request, PROTOCOLS).isEmpty()) {
            // kubectl falls back to SPDY when the WebSocket is refused: an interactive shell gets its reason here too.
            boolean interactive = request.flag("stdin")
                    && ContainerEngine.readsTerminal(request.query().getOrDefault("command", List.of("")));
            call.response().send(Status.badRequest(interactive ? PodExec.INTERACTIVE : "Upgrade request required"));
            return;
        }
        ApiResponse result = KubeCall.await(call.sandbox().call(new ApiRequest(KubeDispatcher.API, request.method(), target,
                Map.of(), new byte[0])));
        if (result.status() != 200) {
            call.response().send(result);
            return;
        }
        JsonNode outcome = JSON.readTree(result.body());
        WebSocket ws = WebSocket.accept(request, call.response(), call.in(), PROTOCOLS);
        channel(ws, 1, request.flag("stdout") ? outcome.path("stdout").asText() : "");
        channel(ws, 2, request.flag("stderr") ? outcome.path("stderr").asText() : "");
        channel(ws, 3, JSON.writeValueAsString(outcome.get("status")));
        ws.close();
        awaitClientClose(ws, socket);
    }

    private static void channel(WebSocket ws, int channel, String text) throws IOException {
        if (text.isEmpty()) {
            return;
        }
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        byte[] message = new byte[bytes.length + 1];
        message[0] = (byte) channel;
        System.arraycopy(bytes, 0, message, 1, bytes.length);
        ws.send(WebSocket.BINARY, message);
    }

    /** The closing handshake: the client answers our close; a client that does not is let go after a while. */
    private static void awaitClientClose(WebSocket ws, Socket socket) throws IOException {
        socket.setSoTimeout(2000);
        try {
            for (Optional<WebSocket.Frame> frame = ws.read(); frame.isPresent(); frame = ws.read()) {
                if (frame.get().opcode() == WebSocket.CLOSE) {
                    return;
                }
            }
        } catch (SocketTimeoutException e) {
            // The client kept the connection; closing it ends the exchange.
        }
    }
}
