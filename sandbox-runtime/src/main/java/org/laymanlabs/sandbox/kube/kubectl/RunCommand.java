package org.laymanlabs.sandbox.kube.kubectl;

import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.laymanlabs.sandbox.kube.apiserver.ApiException;

/**
 * Mirrors kubectl run (staging/src/k8s.io/kubectl/pkg/cmd/run/run.go) and its pod generator:
 * a pod labelled {@code run=NAME} (or {@code --labels}) with one container named after it,
 * {@code --port}, {@code --env}, {@code --restart}, and the arguments after {@code --}.
 */
final class RunCommand implements Subcommand {

    @Override
    public String path() {
        return "kubectl run";
    }

    @Override
    public List<Flag> flags() {
        return List.of(Flag.string("image"), Flag.string("port"), Flag.string("labels", 'l', ""),
                Flag.string("restart", '\0', "Always"), Flag.array("env", '\0'), Flag.bool("command", '\0'),
                Flag.optional("dry-run", "none"), Flag.string("output", 'o', ""), Flag.string("image-pull-policy"),
                Flag.bool("stdin", 'i'), Flag.bool("tty", 't'), Flag.bool("attach", '\0'), Flag.bool("rm", '\0'),
                Flag.string("overrides"), Flag.string("annotations"), Flag.bool("privileged", '\0'));
    }

    @Override
    public void run(FlagSet.Parsed args, Session session) {
        if (args.args().isEmpty()) {
            throw KubectlException.usageHelp("NAME is required for run", path());
        }
        if (args.string("image").isEmpty()) {
            throw KubectlException.error("required flag(s) \"image\" not set");
        }
        if (args.bool("stdin") || args.bool("tty") || args.bool("attach") || args.bool("rm")) {
            throw KubectlException.error("kubectl run with -i, -t, --attach or --rm is not available in the sandbox yet; "
                    + "run the pod, then use 'kubectl logs'");
        }
        String name = args.args().get(0);
        String restart = args.string("restart");
        if (!List.of("Always", "OnFailure", "Never").contains(restart)) {
            throw KubectlException.error("invalid restart policy: " + restart);
        }
        Map<String, String> labels = new LinkedHashMap<>();
        if (args.string("labels").isEmpty()) {
            labels.put("run", name);
        } else {
            for (String pair : args.string("labels").split(",")) {
                int eq = pair.indexOf('=');
                if (eq <= 0) {
                    throw KubectlException.error("invalid label spec: " + pair);
                }
                labels.put(pair.substring(0, eq), pair.substring(eq + 1));
            }
        }
        ContainerBuilder container = new ContainerBuilder().withName(name).withImage(args.string("image")).withNewResources().endResources();
        if (!args.string("port").isEmpty()) {
            container.addNewPort().withContainerPort(Integer.parseInt(args.string("port"))).endPort();
        }
        List<EnvVar> env = new ArrayList<>();
        for (String pair : args.array("env")) {
            int eq = pair.indexOf('=');
            env.add(new EnvVar(pair.substring(0, Math.max(eq, 0)), eq < 0 ? "" : pair.substring(eq + 1), null));
        }
        container.withEnv(env);
        List<String> rest = args.args().subList(1, args.args().size());
        if (!rest.isEmpty()) {
            if (args.bool("command")) {
                container.withCommand(rest);
            } else {
                container.withArgs(rest);
            }
        }
        if (!args.string("image-pull-policy").isEmpty()) {
            container.withImagePullPolicy(args.string("image-pull-policy"));
        }
        Pod pod = new PodBuilder().withNewMetadata().withName(name).withNamespace(session.namespace(args)).withLabels(labels)
                .endMetadata().withNewSpec().withContainers(container.build()).withDnsPolicy("ClusterFirst")
                .withRestartPolicy(restart).endSpec().build();
        Output output = Output.parse(args.string("output"));
        String suffix = DryRun.suffix(args);
        if (!suffix.isEmpty()) {
            session.out(output.humanReadable() ? "pod/" + name + " created" + suffix + "\n" : output.print(List.of(pod), true));
            return;
        }
        try {
            Pod created = session.api().await(session.api().create(pod));
            session.out(output.humanReadable() ? "pod/" + name + " created\n" : output.print(List.of(created), true));
        } catch (ApiException e) {
            throw KubectlException.verbatim(ServerErrors.print(e, pod, null));
        }
    }
}
