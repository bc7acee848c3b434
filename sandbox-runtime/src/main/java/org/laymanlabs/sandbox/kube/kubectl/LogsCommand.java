package org.laymanlabs.sandbox.kube.kubectl;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Pod;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.laymanlabs.sandbox.OutputSink;
import org.laymanlabs.sandbox.container.LogEntry;
import org.laymanlabs.sandbox.kube.api.ApiResources;
import org.laymanlabs.sandbox.kube.cri.CriContainer;
import org.laymanlabs.sandbox.kube.kubelet.Kubelet;
import org.laymanlabs.sandbox.shell.Execution;
import org.laymanlabs.sandbox.time.VirtualClock;

/**
 * Mirrors kubectl logs (staging/src/k8s.io/kubectl/pkg/cmd/logs/logs.go, polymorphichelpers
 * logsforobject.go): a pod's container log, read by the node's kubelet from containerd, with -c,
 * -p/--previous, --tail, --timestamps and -f (which goes on printing until the container stops,
 * or Ctrl-C); or the logs of every pod a selector (-l) picks, 10 lines each unless --tail says
 * otherwise, of each one's default container or of all with --all-containers, each line marked
 * [pod/NAME/CONTAINER] with --prefix, and followed together up to --max-log-requests streams.
 * kubectl reads a selector's streams from a Go map, in no set order; the sandbox reads them in
 * the list's order (pods by name, init containers first) so that a lesson's output is stable.
 */
final class LogsCommand implements Subcommand {

    private static final DateTimeFormatter RFC3339_NANO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.nnnnnnnnn'Z'")
            .withZone(java.time.ZoneOffset.UTC);
    private static final String USAGE = "expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\n"
            + "POD or TYPE/NAME is a required argument for the logs command";
    /** logs.go selectorTail. */
    private static final int SELECTOR_TAIL = 10;

    /** One log request: a container of a pod, and its prefix if --prefix asked for one. */
    private record Source(Pod pod, String container, String prefix) { }

    @Override
    public String path() {
        return "kubectl logs";
    }

    @Override
    public List<Flag> flags() {
        return List.of(Flag.string("container", 'c', ""), Flag.bool("follow", 'f'), Flag.bool("previous", 'p'),
                Flag.integer("tail", '\0', -1), Flag.bool("timestamps", '\0'), Flag.bool("all-containers", false),
                Flag.string("selector", 'l', ""), Flag.bool("prefix", false), Flag.integer("max-log-requests", '\0', 5));
    }

    @Override
    public void run(FlagSet.Parsed args, Session session) {
        List<String> given = args.args();
        String selector = args.string("selector");
        if ((given.isEmpty() && selector.isEmpty()) || given.size() > 2) {
            throw KubectlException.usageHelp(USAGE, path());
        }
        if (given.size() == 1 && !selector.isEmpty()) {
            throw KubectlException.usageHelp("only a selector (-l) or a POD name is allowed", path());
        }
        String namespace = session.namespace(args);
        List<Pod> pods = pods(args, session, namespace, given);
        String container = given.size() == 2 ? given.get(1) : args.string("container");
        boolean all = args.bool("all-containers");
        if (all && !container.isEmpty()) {
            throw KubectlException.error("--all-containers=true should not be specified with container name " + container);
        }
        if (args.changed("container") && given.size() == 2) {
            throw KubectlException.error("only one of -c or an inline [CONTAINER] arg is allowed");
        }
        int tail = !selector.isEmpty() && args.integer("tail") == -1 && !args.changed("tail") ? SELECTOR_TAIL : args.integer("tail");
        if (tail < -1) {
            throw KubectlException.error("--tail must be greater than or equal to -1");
        }
        List<Source> sources = sources(pods, container, all, args.bool("prefix"), session);
        int max = args.integer("max-log-requests");
        if (args.bool("follow") && sources.size() > 1 && sources.size() > max) {
            throw KubectlException.error("you are attempting to follow " + sources.size() + " log streams, but maximum allowed"
                    + " concurrency is " + max + ", use --max-log-requests to increase the limit");
        }
        boolean stamps = args.bool("timestamps");
        List<Followed> followed = new ArrayList<>();
        VirtualClock clock = null;
        for (Source source : sources) {
            Pod pod = source.pod();
            Kubelet kubelet = PodTarget.kubelet(pod, session, "containerLogs/" + pod.getMetadata().getNamespace() + "/"
                    + pod.getMetadata().getName() + "/" + source.container());
            CriContainer c = PodTarget.forLogs(pod, source.container(), args.bool("previous"), kubelet);
            List<LogEntry> entries = c.container().logs();
            List<LogEntry> shown = tail >= 0 && tail < entries.size() ? entries.subList(entries.size() - tail, entries.size()) : entries;
            shown.forEach(e -> session.out(line(source.prefix(), e, stamps)));
            if (args.bool("follow") && c.state() == CriContainer.State.CONTAINER_RUNNING) {
                followed.add(new Followed(c, source.prefix(), entries.size()));
                clock = kubelet.runtime().clock();
            }
        }
        if (!followed.isEmpty()) {
            VirtualClock ticking = clock;
            session.stream(out -> new Follow(ticking, followed, stamps, out));
        }
    }

    /** The pod named (or a workload's pick), or every pod the selector matches, with kubectl's note if none does. */
    private static List<Pod> pods(FlagSet.Parsed args, Session session, String namespace, List<String> given) {
        if (!given.isEmpty()) {
            return List.of(PodTarget.resolve(given.get(0), session, namespace));
        }
        List<Pod> pods = Query.from(args, session).list(ApiResources.PODS).stream().map(Pod.class::cast).toList();
        if (pods.isEmpty()) {
            session.note("No resources found in " + namespace + " namespace.");
        }
        return pods;
    }

    /** logsForObjectWithClient: the one container asked for (or defaulted), or all of them, init containers first. */
    private static List<Source> sources(List<Pod> pods, String container, boolean all, boolean prefix, Session session) {
        List<Source> sources = new ArrayList<>();
        for (Pod pod : pods) {
            List<String> names = all ? Stream.concat(pod.getSpec().getInitContainers().stream(), pod.getSpec().getContainers().stream())
                    .map(Container::getName).toList() : List.of(PodTarget.container(pod, container, session));
            for (String name : names) {
                sources.add(new Source(pod, name, prefix ? "[pod/" + pod.getMetadata().getName() + "/" + name + "] " : ""));
            }
        }
        return sources;
    }

    private static String line(String prefix, LogEntry entry, boolean stamps) {
        return prefix + (stamps ? RFC3339_NANO.format(entry.time()) + " " : "") + entry.line() + "\n";
    }

    /** A followed stream: its container, its prefix, and how many of its lines have been printed. */
    private static final class Followed {
        private final CriContainer container;
        private final String prefix;
        private int seen;

        Followed(CriContainer container, String prefix, int seen) {
            this.container = container;
            this.prefix = prefix;
            this.seen = seen;
        }
    }

    /** kubectl logs -f: new lines of every stream as the clock brings them, until all have ended or Ctrl-C. */
    private static final class Follow extends Execution {

        private final List<Followed> streams;
        private final boolean stamps;
        private final OutputSink out;

        Follow(VirtualClock clock, List<Followed> streams, boolean stamps, OutputSink out) {
            this.streams = streams;
            this.stamps = stamps;
            this.out = out;
            onEveryTick(clock, this::poll);
        }

        private void poll() {
            if (isFinished()) {
                return;
            }
            boolean running = false;
            for (Followed stream : streams) {
                List<LogEntry> all = stream.container.container().logs();
                for (int i = Math.min(stream.seen, all.size()); i < all.size(); i++) {
                    out.out(line(stream.prefix, all.get(i), stamps));
                }
                stream.seen = all.size();
                running |= stream.container.state() == CriContainer.State.CONTAINER_RUNNING;
            }
            if (!running) {
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
