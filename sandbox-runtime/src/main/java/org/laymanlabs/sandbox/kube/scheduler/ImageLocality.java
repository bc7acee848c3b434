package org.laymanlabs.sandbox.kube.scheduler;

import io.fabric8.kubernetes.api.model.Container;
import java.util.List;

/**
 * Mirrors plugins/imagelocality: a node that already has the pod's images (node.status.images)
 * scores higher, by their size scaled by how many nodes have them, so that a pod does not wait
 * for a big pull, while a small or everywhere-present image does not herd pods onto one node.
 */
final class ImageLocality implements Plugin.Score {

    static final String NAME = "ImageLocality";
    private static final long MB = 1024 * 1024;
    /** Below 23 MB an image is not worth preferring a node for. */
    private static final long MIN_THRESHOLD = 23 * MB;
    private static final long MAX_CONTAINER_THRESHOLD = 1000 * MB;

    private final Cache cache;

    ImageLocality(Cache cache) {
        this.cache = cache;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public long score(CycleState state, PodInfo pod, NodeInfo node) {
        int totalNodes = cache.nodeCount();
        long sum = sum(pod.pod().getSpec().getInitContainers(), node, totalNodes)
                + sum(pod.pod().getSpec().getContainers(), node, totalNodes);
        int containers = size(pod.pod().getSpec().getInitContainers()) + size(pod.pod().getSpec().getContainers());
        long max = MAX_CONTAINER_THRESHOLD * containers;
        long clamped = Math.max(MIN_THRESHOLD, Math.min(max, sum));
        return MAX_NODE_SCORE * (clamped - MIN_THRESHOLD) / (max - MIN_THRESHOLD);
    }

    private static long sum(List<Container> containers, NodeInfo node, int totalNodes) {
        long sum = 0;
        if (containers != null) {
            for (Container container : containers) {
                NodeInfo.ImageState state = node.images().get(normalized(container.getImage()));
                if (state != null) {
                    sum += (long) (state.size * ((double) state.nodes.size() / totalNodes));
                }
            }
        }
        return sum;
    }

    /** "nginx" is "nginx:latest", as node.status.images names it; a digest or tag stays as written. */
    static String normalized(String image) {
        if (image == null) {
            return "";
        }
        return image.lastIndexOf(':') <= image.lastIndexOf('/') ? image + ":latest" : image;
    }

    private static int size(List<?> list) {
        return list == null ? 0 : list.size();
    }
}
