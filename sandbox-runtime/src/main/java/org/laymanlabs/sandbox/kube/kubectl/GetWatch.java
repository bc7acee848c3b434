package org.laymanlabs.sandbox.kube.kubectl;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.laymanlabs.sandbox.OutputSink;
import org.laymanlabs.sandbox.kube.api.ResourceType;
import org.laymanlabs.sandbox.kube.apiserver.ApiServer;
import org.laymanlabs.sandbox.kube.apiserver.ApiWatch;
import org.laymanlabs.sandbox.shell.Execution;
import org.laymanlabs.sandbox.time.TimeSource;

/**
 * Mirrors kubectl get --watch (get.go watch, with the human-readable printer): after the list,
 * it watches from the list's resourceVersion and prints one row per change, without a header,
 * each row laid out on its own as kubectl's per-event flush does, until Ctrl-C. A deleted object
 * is printed in its last state. With {@code -o yaml}, {@code json}, {@code name}, jsonpath or
 * custom-columns each change is printed as that printer prints one object.
 */
final class GetWatch extends Execution {

    /** What to watch, decided by {@code kubectl get} from its arguments. */
    record Spec(List<ResourceType> types, String namespace, Predicate<HasMetadata> filter, Printers.Layout layout,
                long fromRevision, java.util.Optional<java.util.function.Function<HasMetadata, String>> printer) {
    }

    private final OutputSink out;
    private final TimeSource now;
    private final Printers.Layout layout;
    private final List<ApiWatch> watches = new ArrayList<>();
    private final List<String> pending = new ArrayList<>();

    GetWatch(ApiServer api, Spec spec, TimeSource now, OutputSink out) {
        this.out = out;
        this.now = now;
        this.layout = new Printers.Layout(spec.layout().wide(), spec.layout().withNamespace(), spec.layout().withKind(),
                spec.layout().showLabels(), true);
        for (ResourceType type : spec.types()) {
            String namespace = type.namespaced() ? spec.namespace() : "";
            watches.add(api.watch(type, namespace, spec.fromRevision(), event -> {
                if (spec.filter().test(event.object())) {
                    pending.add(spec.printer().map(p -> p.apply(event.object()))
                            .orElseGet(() -> Printers.render(type, List.of(event.object()), now.get(), layout)));
                }
            }));
        }
        // Rows reach the terminal when the clock has moved, as every following command's output does.
        onEveryTick(api.clock(), this::flush);
    }

    private void flush() {
        List<String> rows = List.copyOf(pending);
        pending.clear();
        rows.forEach(out::out);
    }

    /** kubectl dies of SIGINT; bash reports 130. */
    @Override
    public void interrupt() {
        flush();
        stop();
        finish(130);
    }

    @Override
    public void detach() {
        stop();
        finish(0);
    }

    private void stop() {
        watches.forEach(ApiWatch::cancel);
        watches.clear();
    }
}
