package org.laymanlabs.sandbox.container.program;

import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import org.laymanlabs.sandbox.net.http.HttpResponse;

/**
 * laymanlabs/slow-start: warms up for {@code READY_AFTER} (20s) of virtual time before it listens
 * on {@code PORT} (8080), so that a request made too early is refused; for practising startup and
 * readiness probes.
 */
final class SlowStart implements Program {

    @Override
    public Process start(ProcessContext context) {
        Duration delay = Sleep.parse(context.env().getOrDefault("READY_AFTER", "20s")).orElse(Duration.ofSeconds(20));
        int port = Integer.parseInt(context.env().getOrDefault("PORT", "8080"));
        context.stdout("slow-start: warming up, ready in " + delay.toSeconds() + "s");
        context.clock().schedule(delay, () -> {
            if (context.exited()) {
                return;
            }
            context.listen(port, (request, peer) -> HttpResponse.of(200, "OK",
                    List.of(new HttpResponse.Header("Content-Type", "text/plain; charset=utf-8")), "ready\n").toWire());
            context.stdout("slow-start: ready, listening on :" + port);
        });
        return signal -> signal == Signal.SIGTERM || signal == Signal.SIGINT ? OptionalInt.of(0) : OptionalInt.empty();
    }
}
