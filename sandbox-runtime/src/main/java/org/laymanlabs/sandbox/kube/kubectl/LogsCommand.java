package org.laymanlabs.sandbox.kube.kubectl;

import io.fabric8.kubernetes.api.model.Pod;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.laymanlabs.sandbox.OutputSink;
import org.laymanlabs.sandbox.container.LogEntry;
import org.laymanlabs.sandbox.kube.cri.CriContainer;
import org.laymanlabs.sandbox.kube.kubelet.Kubelet;
import org.laymanlabs.sandbox.shell.Execution;
import org.laymanlabs.sandbox.time.VirtualClock;

/**
 * Mirrors kubectl logs (staging/src/k8s.io/kubectl/pkg/cmd/logs): a pod's container log, read by
 * the node's kubelet from containerd, with -c, -p/--previous, --tail, --timestamps and -f (which
 * goes on printing until the container stops, or Ctrl-C).
 */
final class LogsCommand implements Subcommand {

    private static final DateTimeFormatter RFC3339_NANO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.nnnnnnnnn'Z'")
            .withZone(java.time.ZoneOffset.UTC);

    @Override
    public String path() {
        return "kubectl logs";
    }

    @Override
    public List<Flag> flags() {
        return List.of(Flag.string("container", 'c', ""), Flag.bool("follow", 'f'), Flag.bool("previous", 'p'),
                Flag.integer("tail", '\0', -1), Flag.bool("timestamps", '\0'), Flag.bool("all-containers", false));
    }

    @Override
    public void run(FlagSet.Parsed args, Session session) {
        if (args.args().isEmpty()) {
            throw KubectlException.usage("expected POD or TYPE/NAME is a required argument for the logs command", path());
        }
        if (args.args().size() > 2) {
            throw KubectlException.usage("expected at most 2 arguments", path());
        }
        String namespace = session.namespace(args);
        Pod pod = PodTarget.resolve(args.args().get(0), session, namespace);
        String container = args.args().size() == 2 ? args.args().get(1) : args.string("container");
        container = PodTarget.container(pod, container, session);
        Kubelet kubelet = PodTarget.kubelet(pod, session, "containerLogs/" + namespace + "/" + pod.getMetadata().getName()
                + "/" + container);
        CriContainer c = PodTarget.forLogs(pod, container, args.bool("previous"), kubelet);
        List<LogEntry> entries = c.container().logs();
        int tail = args.integer("tail");
        List<LogEntry> shown = tail >= 0 && tail < entries.size() ? entries.subList(entries.size() - tail, entries.size()) : entries;
        boolean stamps = args.bool("timestamps");
        shown.forEach(e -> session.out(line(e, stamps)));
        if (args.bool("follow") && c.state() == CriContainer.State.CONTAINER_RUNNING) {
            int seen = entries.size();
            session.stream(out -> new Follow(kubelet.runtime().clock(), c, seen, stamps, out));
        }
    }

    private static String line(LogEntry entry, boolean stamps) {
        return (stamps ? RFC3339_NANO.format(entry.time()) + " " : "") + entry.line() + "\n";
    }

    /** kubectl logs -f: new lines as the clock brings them, until the container exits or Ctrl-C. */
    private static final class Follow extends Execution {

        private final CriContainer container;
        private final boolean stamps;
        private final OutputSink out;
        private int seen;

        Follow(VirtualClock clock, CriContainer container, int seen, boolean stamps, OutputSink out) {
            this.container = container;
            this.seen = seen;
            this.stamps = stamps;
            this.out = out;
            onEveryTick(clock, this::poll);
        }

        private void poll() {
            if (isFinished()) {
                return;
            }
            List<LogEntry> all = container.container().logs();
            for (int i = Math.min(seen, all.size()); i < all.size(); i++) {
                out.out(line(all.get(i), stamps));
            }
            seen = all.size();
            if (container.state() != CriContainer.State.CONTAINER_RUNNING) {
                finish(0);
            }
        }

        @Override
        public void interrupt() {
            finish(130);
        }

        @Override
        public void detach() {
            finish(0);
        }
    }
}
