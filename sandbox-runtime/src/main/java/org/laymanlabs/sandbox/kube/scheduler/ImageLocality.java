package org.laymanlabs.sandbox.kube.scheduler;

import io.fabric8.kubernetes.api.model.Container;
import java.util.ArrayList;
import java.util.Arrays;
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

    /** The pod's images as node.status.images would name them, worked out once per cycle. */
    private record Images(List<String> names) {
    }

    @Override
    public Status preScore(CycleState state, PodInfo pod, List<NodeInfo> feasible) {
        List<String> names = new ArrayList<>();
        for (List<Container> containers : Arrays.asList(pod.pod().getSpec().getInitContainers(), pod.pod().getSpec().getContainers())) {
            if (containers != null) {
                containers.forEach(c -> names.add(normalized(c.getImage())));
            }
        }
        state.write(Images.class, new Images(names));
        return Status.SUCCESS;
    }

    @Override
    public long score(CycleState state, PodInfo pod, NodeInfo node) {
        int totalNodes = cache.nodeCount();
        List<String> images = state.read(Images.class).names();
        long sum = 0;
        for (String image : images) {
            NodeInfo.ImageState present = node.images().get(image);
            if (present != null) {
                sum += (long) (present.size * ((double) present.nodes.size() / totalNodes));
            }
        }
        long max = MAX_CONTAINER_THRESHOLD * images.size();
        long clamped = Math.max(MIN_THRESHOLD, Math.min(max, sum));
        return MAX_NODE_SCORE * (clamped - MIN_THRESHOLD) / (max - MIN_THRESHOLD);
    }

    /** "nginx" is "nginx:latest", as node.status.images names it; a digest or tag stays as written. */
    static String normalized(String image) {
        if (image == null) {
            return "";
        }
        return image.lastIndexOf(':') <= image.lastIndexOf('/') ? image + ":latest" : image;
    }

}
