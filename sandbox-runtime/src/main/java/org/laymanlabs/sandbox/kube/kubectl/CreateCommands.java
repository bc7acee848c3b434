package org.laymanlabs.sandbox.kube.kubectl;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.ServicePortBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.laymanlabs.sandbox.kube.apiserver.ApiException;

/**
 * Mirrors kubectl create's generators (staging/src/k8s.io/kubectl/pkg/cmd/create): deployment,
 * service clusterip|nodeport, namespace and configmap build the same objects as
 * {@code --dry-run=client -o yaml} shows on the real kubectl.
 */
final class CreateCommands {

    private CreateCommands() {
    }

    static List<Subcommand> all() {
        return List.of(new CreateFromFile(), deployment(), service("clusterip", "ClusterIP"), service("nodeport", "NodePort"),
                namespace(), configMap());
    }

    /** A create generator: its path, flags, and the object it builds from the command line. */
    private record Generator(String path, List<Flag> flags, Builder builder, String failurePrefix) implements Subcommand {

        interface Builder extends java.io.Serializable {
            HasMetadata build(FlagSet.Parsed args, Session session);
        }

        @Override
        public void run(FlagSet.Parsed args, Session session) {
            HasMetadata object = builder.build(args, session);
            Output output = Output.parse(args.string("output"));
            String suffix = DryRun.suffix(args);
            if (!suffix.isEmpty()) {
                session.out(output.humanReadable() ? Output.name(object) + " created" + suffix + "\n" : output.print(List.of(object), true));
                return;
            }
            try {
                HasMetadata created = session.api().await(session.api().create(object));
                session.out(output.humanReadable() ? Output.name(created) + " created\n" : output.print(List.of(created), true));
            } catch (ApiException e) {
                if (failurePrefix != null && e.reason() != ApiException.Reason.INVALID) {
                    throw KubectlException.error(failurePrefix + e.getMessage());
                }
                throw KubectlException.verbatim(ServerErrors.print(e, object, null));
            }
        }
    }

    private static List<Flag> common(Flag... own) {
        List<Flag> flags = new ArrayList<>(List.of(own));
        flags.add(Flag.optional("dry-run", "none"));
        flags.add(Flag.string("output", 'o', ""));
        flags.add(Flag.bool("save-config", '\0'));
        flags.add(Flag.optional("validate", "strict"));
        flags.add(Flag.string("field-manager", '\0', "kubectl-create"));
        return flags;
    }

    /** cmdutil's "exactly one NAME is required, got N". */
    static String oneName(FlagSet.Parsed args, String path) {
        if (args.args().size() != 1) {
            throw KubectlException.usageHelp("exactly one NAME is required, got " + args.args().size(), path);
        }
        return args.args().get(0);
    }

    private static Subcommand deployment() {
        String path = "kubectl create deployment";
        return new Generator(path, common(Flag.array("image", '\0'), Flag.integer("replicas", 'r', 1),
                Flag.integer("port", '\0', -1)), (args, session) -> {
            // NameFromCommandArgs: only what comes before "--" names the deployment; the rest is its command.
            int names = args.argsLenAtDash() < 0 ? args.args().size() : args.argsLenAtDash();
            if (names != 1) {
                throw KubectlException.usageHelp("exactly one NAME is required, got " + names, path);
            }
            String name = args.args().get(0);
            List<String> command = args.args().subList(1, args.args().size());
            if (args.array("image").isEmpty()) {
                throw KubectlException.error("required flag(s) \"image\" not set");
            }
            if (args.array("image").size() > 1 && !command.isEmpty()) {
                throw KubectlException.error("cannot specify multiple --image options and command");
            }
            if (args.array("image").size() > 1 && args.integer("port") >= 0) {
                throw KubectlException.error("cannot specify port when deployment has more than one container");
            }
            List<Container> containers = new ArrayList<>();
            for (String image : args.array("image")) {
                ContainerBuilder container = new ContainerBuilder().withName(containerName(image)).withImage(image)
                        .withNewResources().endResources();
                if (args.integer("port") >= 0) {
                    container.addNewPort().withContainerPort(args.integer("port")).endPort();
                }
                if (!command.isEmpty()) {
                    container.withCommand(command);
                }
                containers.add(container.build());
            }
            Map<String, String> labels = Map.of("app", name);
            return new DeploymentBuilder().withNewMetadata().withName(name).withNamespace(session.namespace(args))
                    .withLabels(labels).endMetadata().withNewSpec().withReplicas(args.integer("replicas"))
                    .withNewSelector().withMatchLabels(labels).endSelector().withNewStrategy().endStrategy()
                    .withNewTemplate().withNewMetadata().withLabels(labels).endMetadata()
                    .withNewSpec().withContainers(containers).endSpec().endTemplate().endSpec().build();
        }, "failed to create deployment: ");
    }

    /** The container name create deployment derives from an image: its last path part without tag or digest. */
    static String containerName(String image) {
        String name = image.substring(image.lastIndexOf('/') + 1);
        if (name.contains(":")) {
            name = name.substring(0, name.indexOf(':'));
        }
        if (name.contains("@")) {
            name = name.substring(0, name.indexOf('@'));
        }
        return name.replace('_', '-');
    }

    private static Subcommand service(String variant, String type) {
        String path = "kubectl create service " + variant;
        List<Flag> own = new ArrayList<>(List.of(Flag.array("tcp", '\0'), Flag.string("clusterip")));
        if (type.equals("NodePort")) {
            own.add(Flag.integer("node-port", '\0', 0));
        }
        return new Generator(path, common(own.toArray(Flag[]::new)), (args, session) -> {
            String name = oneName(args, path);
            if (args.array("tcp").isEmpty() && !args.string("clusterip").equals("None")) {
                throw KubectlException.error("at least one tcp port specifier must be provided");
            }
            List<ServicePort> ports = new ArrayList<>();
            for (String spec : args.array("tcp")) {
                String[] parts = spec.split(":");
                int port = parsePort(parts[0]);
                ServicePortBuilder p = new ServicePortBuilder().withName(spec.replace(':', '-')).withPort(port).withProtocol("TCP")
                        .withTargetPort(parts.length > 1 ? targetPort(parts[1]) : new IntOrString(port));
                if (type.equals("NodePort") && args.integer("node-port") > 0) {
                    p.withNodePort(args.integer("node-port"));
                }
                ports.add(p.build());
            }
            Map<String, String> labels = Map.of("app", name);
            var spec = new io.fabric8.kubernetes.api.model.ServiceSpecBuilder().withPorts(ports).withSelector(labels).withType(type);
            if (!args.string("clusterip").isEmpty()) {
                spec.withClusterIP(args.string("clusterip"));
            }
            return new ServiceBuilder().withNewMetadata().withName(name).withNamespace(session.namespace(args))
                    .withLabels(labels).endMetadata().withSpec(spec.build()).build();
        }, null);
    }

    private static int parsePort(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw KubectlException.error("strconv.Atoi: parsing \"" + text + "\": invalid syntax");
        }
    }

    private static IntOrString targetPort(String text) {
        return text.matches("[0-9]+") ? new IntOrString(Integer.parseInt(text)) : new IntOrString(text);
    }

    private static Subcommand namespace() {
        String path = "kubectl create namespace";
        return new Generator(path, common(), (args, session) -> new NamespaceBuilder().withNewMetadata()
                .withName(oneName(args, path)).endMetadata().build(), null);
    }

    private static Subcommand configMap() {
        String path = "kubectl create configmap";
        return new Generator(path, common(Flag.array("from-literal", '\0'), Flag.array("from-file", '\0')), (args, session) -> {
            String name = oneName(args, path);
            Map<String, String> data = new LinkedHashMap<>();
            for (String literal : args.array("from-literal")) {
                int eq = literal.indexOf('=');
                if (eq <= 0) {
                    throw KubectlException.error("invalid literal source " + literal + ", expected key=value");
                }
                String key = literal.substring(0, eq);
                if (data.containsKey(key)) {
                    throw KubectlException.error("cannot add key \"" + key + "\", another key by that name already exists in Data for ConfigMap \"" + name + "\"");
                }
                data.put(key, literal.substring(eq + 1));
            }
            for (String file : args.array("from-file")) {
                int eq = file.indexOf('=');
                String key = eq > 0 ? file.substring(0, eq) : file.substring(file.lastIndexOf('/') + 1);
                String typed = eq > 0 ? file.substring(eq + 1) : file;
                String resolved = session.invocation().shell().resolve(typed);
                if (!session.invocation().shell().files().exists(resolved)) {
                    throw KubectlException.error("error reading " + typed + ": no such file or directory");
                }
                data.put(key, session.invocation().shell().files().read(resolved));
            }
            return new ConfigMapBuilder().withNewMetadata().withName(name).withNamespace(session.namespace(args)).endMetadata()
                    .withData(data).build();
        }, null);
    }
}
