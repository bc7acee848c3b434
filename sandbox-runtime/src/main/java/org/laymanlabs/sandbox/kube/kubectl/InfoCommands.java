package org.laymanlabs.sandbox.kube.kubectl;

import io.fabric8.kubernetes.api.model.Service;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.laymanlabs.sandbox.kube.api.ApiResources;
import org.laymanlabs.sandbox.kube.api.Codec;
import org.laymanlabs.sandbox.kube.api.ResourceType;

/**
 * kubectl version (the client is kubectl 1.32.5 as installed on this machine, the server the
 * sandbox's kube-apiserver), cluster-info (pkg/cmd/clusterinfo), api-resources and api-versions
 * (pkg/cmd/apiresources) over the kinds the sandbox serves, and options (the global flags).
 */
final class InfoCommands {

    /** kubectl.1.32 --client -o json on this machine. */
    private static final Map<String, String> CLIENT = versionInfo("2025-05-15T09:12:10Z");

    private InfoCommands() {
    }

    static List<Subcommand> all(String serverUrl) {
        return List.of(version(), clusterInfo(serverUrl), apiResources(), apiVersions(),
                simple("kubectl options", List.of(), (args, session) -> session.out(Help.text("kubectl options"))));
    }

    private static Map<String, String> versionInfo(String buildDate) {
        Map<String, String> info = new LinkedHashMap<>();
        info.put("major", "1");
        info.put("minor", "32");
        info.put("gitVersion", "v1.32.5");
        info.put("gitCommit", "9894294ef13a5b32803e3ca2c0d620a088cc84d1");
        info.put("gitTreeState", "clean");
        info.put("buildDate", buildDate);
        info.put("goVersion", "go1.23.8");
        info.put("compiler", "gc");
        info.put("platform", "linux/amd64");
        return info;
    }

    private static Subcommand version() {
        return simple("kubectl version", List.of(Flag.bool("client", '\0'), Flag.string("output", 'o', "")), (args, session) -> {
            // Without a server, kubectl prints its own version, then fails on the server's with the bare hint.
            boolean client = args.bool("client") || !session.hasServer();
            String output = args.string("output");
            if (output.isEmpty()) {
                session.out("Client Version: v1.32.5\nKustomize Version: v5.5.0\n" + (client ? "" : "Server Version: v1.32.5\n"));
                refuseWithoutServer(args.bool("client"), session);
                return;
            }
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("clientVersion", CLIENT);
            doc.put("kustomizeVersion", "v5.5.0");
            if (!client) {
                doc.put("serverVersion", CLIENT);
            }
            switch (output) {
                case "json" -> session.out(new com.fasterxml.jackson.databind.ObjectMapper().writerWithDefaultPrettyPrinter()
                        .writeValueAsString(doc).replace(" : ", ": ") + "\n");
                case "yaml" -> session.out(Codec.shared().toYaml(doc));
                default -> throw KubectlException.error("--output must be 'yaml' or 'json'");
            }
            refuseWithoutServer(args.bool("client"), session);
        });
    }

    private static void refuseWithoutServer(boolean clientOnly, Session session) {
        if (!clientOnly && !session.hasServer()) {
            throw KubectlException.verbatim(NoServer.REFUSED);
        }
    }

    private static Subcommand clusterInfo(String serverUrl) {
        return simple("kubectl cluster-info", List.of(), (args, session) -> {
            boolean color = session.invocation().shell().stdoutIsTerminal();
            StringBuilder out = new StringBuilder(running("Kubernetes control plane", serverUrl, color));
            for (Service svc : session.api().list(Service.class, "kube-system")) {
                Map<String, String> labels = svc.getMetadata().getLabels();
                if (labels == null || !"true".equals(labels.get("kubernetes.io/cluster-service"))) {
                    continue;
                }
                String name = labels.getOrDefault("kubernetes.io/name", svc.getMetadata().getName());
                String port = svc.getSpec().getPorts().isEmpty() || svc.getSpec().getPorts().get(0).getName() == null ? ""
                        : ":" + svc.getSpec().getPorts().get(0).getName();
                out.append(running(name, serverUrl + "/api/v1/namespaces/kube-system/services/" + svc.getMetadata().getName() + port
                        + "/proxy", color));
            }
            out.append("\nTo further debug and diagnose cluster problems, use 'kubectl cluster-info dump'.\n");
            session.out(out.toString());
        });
    }

    /** printService: the name in green and the address in yellow, when the output is a terminal. */
    private static String running(String name, String link, boolean color) {
        return color ? "\u001b[0;32m" + name + "\u001b[0m is running at \u001b[0;33m" + link + "\u001b[0m\n"
                : name + " is running at " + link + "\n";
    }

    private static Subcommand apiResources() {
        return simple("kubectl api-resources", List.of(Flag.string("output", 'o', ""), Flag.bool("no-headers", '\0'),
                Flag.optional("namespaced", "true"), Flag.string("api-group"), Flag.string("sort-by"), Flag.array("verbs", '\0'),
                Flag.bool("cached", '\0'), Flag.string("categories")), (args, session) -> {
            String output = args.string("output");
            if (!output.isEmpty() && !output.equals("wide") && !output.equals("name")) {
                throw KubectlException.error("--output v1 is not available");
            }
            List<ResourceType> types = new ArrayList<>();
            for (ResourceType type : ApiResources.ALL) {
                if (args.changed("namespaced") && type.namespaced() != Boolean.parseBoolean(args.string("namespaced"))) {
                    continue;
                }
                if (args.changed("api-group") && !type.group().equals(args.string("api-group"))) {
                    continue;
                }
                types.add(type);
            }
            if (output.equals("name")) {
                types.forEach(t -> session.out(t.groupResource() + "\n"));
                return;
            }
            TabWriter table = TabWriter.forTables();
            boolean wide = output.equals("wide");
            if (!args.bool("no-headers")) {
                List<String> header = new ArrayList<>(List.of("NAME", "SHORTNAMES", "APIVERSION", "NAMESPACED", "KIND"));
                if (wide) {
                    header.addAll(List.of("VERBS", "CATEGORIES"));
                }
                table.row(header);
            }
            for (ResourceType t : types) {
                List<String> row = new ArrayList<>(List.of(t.plural(), String.join(",", t.shortNames()), t.apiVersion(),
                        Boolean.toString(t.namespaced()), t.kind()));
                if (wide) {
                    row.add("create,delete,deletecollection,get,list,patch,update,watch");
                    row.add(ResourceArgs.ALL.contains(t) ? "all" : "");
                }
                table.row(row);
            }
            session.out(table.render());
        });
    }

    private static Subcommand apiVersions() {
        return simple("kubectl api-versions", List.of(), (args, session) ->
                ApiResources.ALL.stream().map(ResourceType::apiVersion).distinct().sorted().forEach(v -> session.out(v + "\n")));
    }

    /** A verb with no arguments of its own. */
    interface Action extends java.io.Serializable {
        void run(FlagSet.Parsed args, Session session) throws Exception;
    }

    static Subcommand simple(String path, List<Flag> flags, Action action) {
        return new Subcommand() {
            @Override
            public String path() {
                return path;
            }

            @Override
            public List<Flag> flags() {
                return flags;
            }

            @Override
            public void run(FlagSet.Parsed args, Session session) {
                try {
                    action.run(args, session);
                } catch (KubectlException | org.laymanlabs.sandbox.kube.apiserver.ApiException e) {
                    throw e;
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
        };
    }
}
