package org.laymanlabs.sandbox.kube.cri;

/** PullImage failed: the message is containerd's, which the kubelet shows in its event and the container's status. */
public final class ImagePullException extends RuntimeException {

    public ImagePullException(String message) {
        super(message);
    }
}
