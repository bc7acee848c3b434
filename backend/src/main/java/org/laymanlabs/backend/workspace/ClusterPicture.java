package org.laymanlabs.backend.workspace;

import java.util.List;
import java.util.Map;

/**
 * The sandbox drawn as a beginner needs to see it: the nodes holding their pods, the Services
 * and the pods their selectors pick, and the laptop's Docker containers, images and networks.
 * The learner's own pods are listed one by one; the control plane's are only counted per node.
 *
 * @param unscheduled pods no node has taken yet
 */
public record ClusterPicture(List<Node> nodes, List<Pod> unscheduled, List<Service> services, DockerHost docker) {

    public ClusterPicture {
        nodes = List.copyOf(nodes);
        unscheduled = List.copyOf(unscheduled);
        services = List.copyOf(services);
    }

    /** @param systemPods how many kube-system pods run here, drawn as a count */
    public record Node(String name, boolean ready, boolean controlPlane, List<Pod> pods, int systemPods) {
        public Node {
            pods = List.copyOf(pods);
        }
    }

    /** @param ip the pod's address, empty until its sandbox has one */
    public record Pod(String namespace, String name, Phase phase, boolean ready, String ip, Map<String, String> labels) {
        public Pod {
            labels = Map.copyOf(labels);
        }
    }

    /** The pod's phase as kubectl's STATUS column groups it, with Terminating told apart as kubectl does. */
    public enum Phase { PENDING, RUNNING, SUCCEEDED, FAILED, UNKNOWN, TERMINATING }

    /** @param pods the names of the pods its selector picks, in its namespace */
    public record Service(String namespace, String name, String type, String clusterIp, Map<String, String> selector,
                          List<String> pods) {
        public Service {
            selector = Map.copyOf(selector);
            pods = List.copyOf(pods);
        }
    }

    public record DockerHost(List<Container> containers, List<String> images, List<Network> networks) {
        public DockerHost {
            containers = List.copyOf(containers);
            images = List.copyOf(images);
            networks = List.copyOf(networks);
        }
    }

    /** @param status docker ps's STATUS word: created, running, paused, restarting, exited, dead */
    public record Container(String name, String image, String status, List<String> networks) {
        public Container {
            networks = List.copyOf(networks);
        }
    }

    public record Network(String name, String driver, String subnet) {
    }
}
