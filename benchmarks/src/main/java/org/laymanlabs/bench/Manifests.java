package org.laymanlabs.bench;

/** The manifests the figures apply, as a learner writes them. */
final class Manifests {

    private Manifests() {
    }

    /** A Deployment of nginx:1.27 with its Service of the given type, port 80. */
    static String deploymentAndService(String name, int replicas, String serviceType) {
        return String.join("\n",
                "apiVersion: apps/v1", "kind: Deployment", "metadata:", "  name: " + name, "spec:",
                "  replicas: " + replicas, "  selector: {matchLabels: {app: " + name + "}}", "  template:",
                "    metadata: {labels: {app: " + name + "}}",
                "    spec: {containers: [{name: web, image: \"nginx:1.27\", ports: [{containerPort: 80}]}]}", "---",
                "apiVersion: v1", "kind: Service", "metadata:", "  name: " + name, "spec:", "  type: " + serviceType,
                "  selector: {app: " + name + "}", "  ports: [{port: 80}]", "");
    }
}
