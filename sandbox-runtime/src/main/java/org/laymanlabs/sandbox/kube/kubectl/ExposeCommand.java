package org.laymanlabs.sandbox.kube.kubectl;

import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.ServicePortBuilder;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.laymanlabs.sandbox.kube.apiserver.ApiException;

/**
 * Mirrors kubectl expose (staging/src/k8s.io/kubectl/pkg/cmd/expose/expose.go): a Service that
 * selects what a deployment, replica set, pod or service selects, with {@code --port} or the
 * container ports found by introspection.
 */
final class ExposeCommand implements Subcommand {

    @Override
    public String path() {
        return "kubectl expose";
    }

    @Override
    public List<Flag> flags() {
        return List.of(Flag.string("port"), Flag.string("target-port"), Flag.string("type"), Flag.string("name"),
                Flag.string("protocol"), Flag.string("selector"), Flag.string("labels", 'l', ""), Flag.string("cluster-ip"),
                Flag.string("external-ip"), Flag.optional("dry-run", "none"), Flag.string("output", 'o', ""),
                Flag.array("filename", 'f'), Flag.string("session-affinity"));
    }

    @Override
    public void run(FlagSet.Parsed args, Session session) {
        if (args.args().isEmpty()) {
            throw KubectlException.verbatim("error: You must provide one or more resources by argument or filename.\n"
                    + "Example resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n"
                    + "   '<resource> <name>'\n   '<resource>'\n");
        }
        List<ResourceArgs.Target> targets = ResourceArgs.resolve(args.args());
        Query query = Query.from(args, session);
        for (ResourceArgs.Target target : targets) {
            if (target.name() == null) {
                throw KubectlException.usageHelp("resource(s) were provided, but no name was specified", path());
            }
            HasMetadata object = query.get(target.type(), target.name()).orElseThrow(() -> KubectlException.verbatim(
                    "Error from server (NotFound): " + target.type().groupResource() + " \"" + target.name() + "\" not found\n"));
            expose(object, args, session);
        }
    }

    private void expose(HasMetadata object, FlagSet.Parsed args, Session session) {
        Map<String, String> selector = selector(object);
        if (selector.isEmpty()) {
            throw KubectlException.usageHelp("couldn't retrieve selectors via --selector flag or introspection: the "
                    + object.getKind().toLowerCase(java.util.Locale.ROOT) + " has no labels and cannot be exposed", path());
        }
        List<ServicePort> ports = ports(object, args);
        if (ports.isEmpty()) {
            throw KubectlException.usageHelp("couldn't find port via --port flag or introspection", path());
        }
        String name = args.string("name").isEmpty() ? object.getMetadata().getName() : args.string("name");
        ServiceBuilder service = new ServiceBuilder().withNewMetadata().withName(name)
                .withNamespace(object.getMetadata().getNamespace()).withLabels(object.getMetadata().getLabels()).endMetadata()
                .withNewSpec().withPorts(ports).withSelector(selector).endSpec();
        if (!args.string("type").isEmpty()) {
            service.editSpec().withType(args.string("type")).endSpec();
        }
        if (!args.string("cluster-ip").isEmpty()) {
            service.editSpec().withClusterIP(args.string("cluster-ip")).endSpec();
        }
        Service built = service.build();
        String suffix = DryRun.suffix(args);
        Output output = Output.parse(args.string("output"));
        if (!suffix.isEmpty()) {
            session.out(output.humanReadable() ? "service/" + name + " exposed" + suffix + "\n" : output.print(List.of(built), true));
            return;
        }
        try {
            Service created = session.api().await(session.api().create(built));
            session.out(output.humanReadable() ? "service/" + name + " exposed\n" : output.print(List.of(created), true));
        } catch (ApiException e) {
            throw KubectlException.verbatim(ServerErrors.print(e, built, null));
        }
    }

    private static Map<String, String> selector(HasMetadata object) {
        io.fabric8.kubernetes.api.model.LabelSelector selector = null;
        if (object instanceof Deployment d) {
            selector = d.getSpec().getSelector();
        } else if (object instanceof ReplicaSet rs) {
            selector = rs.getSpec().getSelector();
        } else if (object instanceof DaemonSet ds) {
            selector = ds.getSpec().getSelector();
        } else if (object instanceof Service svc) {
            return svc.getSpec().getSelector() == null ? Map.of() : svc.getSpec().getSelector();
        } else if (object instanceof Pod pod) {
            return pod.getMetadata().getLabels() == null ? Map.of() : pod.getMetadata().getLabels();
        } else {
            throw KubectlException.error("cannot expose a " + object.getKind());
        }
        if (selector != null && !selector.getMatchExpressions().isEmpty()) {
            throw KubectlException.error("couldn't convert expressions - \"" + SelectorText.selector(selector)
                    + "\" to map-based selector format");
        }
        return selector == null || selector.getMatchLabels() == null ? Map.of() : selector.getMatchLabels();
    }

    private static List<ServicePort> ports(HasMetadata object, FlagSet.Parsed args) {
        String protocol = args.string("protocol").isEmpty() ? "TCP" : args.string("protocol");
        List<ServicePort> ports = new ArrayList<>();
        if (!args.string("port").isEmpty()) {
            int port = Integer.parseInt(args.string("port"));
            String target = args.string("target-port");
            ports.add(new ServicePortBuilder().withPort(port).withProtocol(protocol).withTargetPort(target.isEmpty()
                    ? new IntOrString(port) : target.matches("[0-9]+") ? new IntOrString(Integer.parseInt(target))
                    : new IntOrString(target)).build());
            return ports;
        }
        List<int[]> found = new ArrayList<>();
        List<String> protocols = new ArrayList<>();
        if (object instanceof Service svc) {
            return svc.getSpec().getPorts();
        }
        PodSpec spec = object instanceof Pod p ? p.getSpec() : object instanceof Deployment d ? d.getSpec().getTemplate().getSpec()
                : object instanceof ReplicaSet rs ? rs.getSpec().getTemplate().getSpec() : ((DaemonSet) object).getSpec().getTemplate().getSpec();
        for (var container : spec.getContainers()) {
            for (ContainerPort port : container.getPorts()) {
                found.add(new int[] {port.getContainerPort()});
                protocols.add(port.getProtocol() == null ? "TCP" : port.getProtocol());
            }
        }
        for (int i = 0; i < found.size(); i++) {
            ServicePortBuilder port = new ServicePortBuilder().withPort(found.get(i)[0]).withProtocol(protocols.get(i))
                    .withTargetPort(new IntOrString(found.get(i)[0]));
            if (found.size() > 1) {
                port.withName("port-" + (i + 1));
            }
            ports.add(port.build());
        }
        return ports;
    }
}
