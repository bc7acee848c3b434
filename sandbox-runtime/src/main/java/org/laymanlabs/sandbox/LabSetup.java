package org.laymanlabs.sandbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.Service;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.laymanlabs.sandbox.docker.Daemon;
import org.laymanlabs.sandbox.image.DaemonException;
import org.laymanlabs.sandbox.image.Reference;
import org.laymanlabs.sandbox.kube.Cluster;
import org.laymanlabs.sandbox.time.VirtualClock;
import org.laymanlabs.sandbox.kube.kubectl.KubectlCommand;
import org.laymanlabs.sandbox.shell.CommandLineShell;
import org.laymanlabs.sandbox.workspace.Workspace;

/**
 * Sets a lab's sandbox up as an operator would before the class starts: pulls its images into
 * the learner's Docker engine, applies its manifests with kubectl, and breaks what the lab
 * breaks. The operator types into a terminal of their own, so none of this lands in the
 * learner's history or workspace.
 */
final class LabSetup {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Cluster cluster;
    private final Workspace files;
    private final Shell operator;

    /** @param cluster the lab's cluster, or null for a Docker-only lab, which takes no manifests or faults */
    LabSetup(Cluster cluster, VirtualClock clock) {
        this.cluster = cluster;
        this.files = new Workspace(clock::now);
        this.operator = CommandLineShell.withBuiltinsAnd(List.of(cluster == null ? KubectlCommand.withoutServer(clock::now)
                : new KubectlCommand(cluster.api(), "default", "https://192.168.49.2:6443")), files);
    }

    /**
     * Applies the lab's manifests, then its faults.
     *
     * @throws IllegalArgumentException naming the manifest or fault the cluster could not take
     */
    void prepare(SandboxSpec spec) {
        List<String> manifests = spec.manifests();
        for (int i = 0; i < manifests.size(); i++) {
            apply("manifest " + (i + 1), manifests.get(i));
        }
        spec.faults().forEach(this::inject);
    }

    /** @throws IllegalArgumentException naming an image the registry does not have */
    static void preload(Daemon daemon, List<String> images) {
        for (String image : images) {
            try {
                daemon.puller().pull(Reference.parse(image));
            } catch (DaemonException | IllegalArgumentException e) {
                throw new IllegalArgumentException("cannot preload image " + image + ": " + e.getMessage(), e);
            }
        }
    }

    void inject(Fault fault) {
        if (cluster == null) {
            throw new IllegalArgumentException("cannot inject fault " + fault + ": this lab's sandbox has no Kubernetes cluster");
        }
        if (fault instanceof Fault.StopNode stop) {
            stopNode(stop.node());
        } else if (fault instanceof Fault.StopEtcdMember stop) {
            etcdMember(stop.member(), () -> cluster.etcd().stop(stop.member()));
        } else if (fault instanceof Fault.StartEtcdMember start) {
            etcdMember(start.member(), () -> cluster.etcd().start(start.member()));
        } else if (fault instanceof Fault.BreakSelector broken) {
            breakSelector(broken);
        } else if (fault instanceof Fault.FillNode fill) {
            apply("fault " + fill, """
                    apiVersion: v1
                    kind: Pod
                    metadata:
                      name: hog-%1$s
                      labels: {app: hog}
                    spec:
                      nodeName: %1$s
                      containers:
                      - name: hog
                        image: busybox
                        command: [sleep, "86400"]
                        resources:
                          requests: {cpu: %2$dm}
                    """.formatted(fill.node(), fill.millicores()));
        }
    }

    private void stopNode(String node) {
        try {
            cluster.stopNode(node);
        } catch (NoSuchElementException e) {
            throw new IllegalArgumentException("cannot stop node " + node + ": " + e.getMessage(), e);
        }
    }

    private static void etcdMember(String member, Runnable action) {
        try {
            action.run();
        } catch (NoSuchElementException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /** A merge patch replaces the selector only if every old key it drops is set to null. */
    private void breakSelector(Fault.BreakSelector broken) {
        Service service = cluster.api().get(Service.class, broken.namespace(), broken.service())
                .orElseThrow(() -> new IllegalArgumentException("cannot break the selector of service "
                        + broken.namespace() + "/" + broken.service() + ": it does not exist"));
        ObjectNode selector = JSON.createObjectNode();
        Map<String, String> old = service.getSpec().getSelector() == null ? Map.of() : service.getSpec().getSelector();
        old.keySet().forEach(selector::putNull);
        broken.selector().forEach(selector::put);
        ObjectNode patch = JSON.createObjectNode();
        patch.putObject("spec").set("selector", selector);
        run("kubectl patch service " + broken.service() + " -n " + broken.namespace() + " --type merge -p '"
                + patch + "'", "fault " + broken);
    }

    private void apply(String what, String yaml) {
        if (cluster == null) {
            throw new IllegalArgumentException("cannot apply " + what + ": this lab's sandbox has no Kubernetes cluster");
        }
        String file = Workspace.HOME + "/setup.yaml";
        files.write(file, yaml);
        run("kubectl apply -f " + file, what);
    }

    private void run(String line, String what) {
        CommandResult result = operator.run(line);
        if (result.exitCode() != 0) {
            throw new IllegalArgumentException("cannot apply " + what + ": " + result.terminal().strip());
        }
    }
}
