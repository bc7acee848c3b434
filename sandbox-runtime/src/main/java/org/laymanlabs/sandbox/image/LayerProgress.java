package org.laymanlabs.sandbox.image;

/**
 * A layer's last progress line in a pull or push, as a terminal shows it when the transfer is
 * done: {@code 2d429b9e73a6: Pull complete}, {@code Already exists}, {@code Pushed}…
 *
 * @param id the layer's short ID (the blob digest when pulling, the diffID when pushing)
 */
public record LayerProgress(String id, String status) {
}
