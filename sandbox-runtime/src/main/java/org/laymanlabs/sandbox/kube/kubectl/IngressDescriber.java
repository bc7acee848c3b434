package org.laymanlabs.sandbox.kube.kubectl;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressBackend;
import io.fabric8.kubernetes.api.model.networking.v1.IngressRule;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.laymanlabs.sandbox.kube.apiserver.ApiServer;

/**
 * Mirrors IngressDescriber.describeIngressV1 in kubectl's describe.go (1.32): the address, the
 * class, the default backend, then each rule's host and its paths with the Service backend and
 * its ready endpoints, the annotations and the events.
 */
final class IngressDescriber {

    private IngressDescriber() {
    }

    static String describe(Ingress ing, ApiServer api, List<Event> events, Instant now) {
        DescribeWriter w = new DescribeWriter();
        String ns = ing.getMetadata().getNamespace();
        w.write(0, "Name:\t" + ing.getMetadata().getName() + "\n");
        w.labels("Labels", ing.getMetadata().getLabels());
        w.write(0, "Namespace:\t" + ns + "\n");
        w.write(0, "Address:\t" + ServiceRows.ingressAddress(ing) + "\n");
        String className = ing.getSpec().getIngressClassName();
        w.write(0, "Ingress Class:\t" + (className == null ? "<none>" : className) + "\n");
        String defaultBackend = ing.getSpec().getDefaultBackend() == null ? "<default>"
                : backend(ns, ing.getSpec().getDefaultBackend(), api);
        w.write(0, "Default backend:\t" + defaultBackend + "\n");
        if (!ing.getSpec().getTls().isEmpty()) {
            w.write(0, "TLS:\n");
            for (var tls : ing.getSpec().getTls()) {
                String hosts = String.join(",", tls.getHosts());
                w.write(1, (tls.getSecretName() == null || tls.getSecretName().isEmpty()
                        ? "SNI routes " : tls.getSecretName() + " terminates ") + hosts + "\n");
            }
        }
        w.write(0, "Rules:\n  Host\tPath\tBackends\n");
        w.write(1, "----\t----\t--------\n");
        int count = 0;
        for (IngressRule rule : ing.getSpec().getRules()) {
            if (rule.getHttp() == null) {
                continue;
            }
            count++;
            w.write(1, (rule.getHost() == null || rule.getHost().isEmpty() ? "*" : rule.getHost()) + "\t\n");
            for (HTTPIngressPath path : rule.getHttp().getPaths()) {
                w.write(2, "\t" + (path.getPath() == null ? "" : path.getPath()) + " \t" + backend(ns, path.getBackend(), api)
                        + "\n");
            }
        }
        if (count == 0) {
            w.write(1, "*\t*\t" + defaultBackend + "\n");
        }
        w.annotations("Annotations", ing.getMetadata().getAnnotations());
        if (events != null) {
            DescribeEvents.write(events, w, now);
        }
        return w.render();
    }

    /** describeBackendV1: "svc:port (endpoints)", or the error that lookup met. */
    private static String backend(String ns, IngressBackend backend, ApiServer api) {
        if (backend.getService() == null) {
            if (backend.getResource() != null) {
                var r = backend.getResource();
                return "APIGroup: " + (r.getApiGroup() == null ? "" : r.getApiGroup()) + ", Kind: " + r.getKind()
                        + ", Name: " + r.getName();
            }
            return "";
        }
        var svcBackend = backend.getService();
        var port = svcBackend.getPort();
        String portText = port == null ? "" : port.getName() != null && !port.getName().isEmpty() ? port.getName()
                : String.valueOf(port.getNumber());
        String stringer = svcBackend.getName() + ":" + portText;
        Optional<Service> service = api.get(Service.class, ns, svcBackend.getName());
        if (service.isEmpty()) {
            return stringer + " (<error: services \"" + svcBackend.getName() + "\" not found>)";
        }
        String spName = "";
        for (var sp : service.get().getSpec().getPorts()) {
            if (port != null && port.getNumber() != null && port.getNumber() != 0 && port.getNumber().equals(sp.getPort())
                    || port != null && port.getName() != null && !port.getName().isEmpty() && port.getName().equals(sp.getName())) {
                spName = sp.getName() == null ? "" : sp.getName();
            }
        }
        List<EndpointSlice> slices = api.list(EndpointSlice.class, ns).stream()
                .filter(s -> s.getMetadata().getLabels() != null
                        && svcBackend.getName().equals(s.getMetadata().getLabels().get("kubernetes.io/service-name")))
                .toList();
        return stringer + " (" + ClusterDescriber.endpoints(slices, spName) + ")";
    }
}
