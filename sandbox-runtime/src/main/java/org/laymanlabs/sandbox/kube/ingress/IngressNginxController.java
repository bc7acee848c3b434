package org.laymanlabs.sandbox.kube.ingress;

import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.laymanlabs.sandbox.container.program.Process;
import org.laymanlabs.sandbox.container.program.ProcessContext;
import org.laymanlabs.sandbox.container.program.Program;
import org.laymanlabs.sandbox.container.program.Signal;
import org.laymanlabs.sandbox.kube.api.ApiResources;
import org.laymanlabs.sandbox.kube.apiserver.ApiServer;
import org.laymanlabs.sandbox.kube.apiserver.ApiWatch;

/**
 * The ingress-nginx controller 1.12 (/nginx-ingress-controller), as the program of the
 * ingress-nginx-controller pod: it watches Ingresses, Services and EndpointSlices, keeps the
 * routes of the Ingresses of its class (IngressClass "nginx", controller k8s.io/ingress-nginx,
 * the default class as minikube installs it), serves HTTP on port 80 of its pod, proxies each
 * request to a pod behind the matching path ({@link NginxProxy}), and writes its address into the
 * Ingresses' status ({@link StatusSync}). It reads POD_NAME and POD_NAMESPACE, which its manifest
 * gives it from the downward API, as the real controller requires.
 */
public final class IngressNginxController implements Program {

    static final String CLASS = "nginx";
    static final int HTTP_PORT = 80;

    private final ApiServer api;

    public IngressNginxController(ApiServer api) {
        this.api = api;
    }

    @Override
    public Process start(ProcessContext context) {
        String podName = context.env().getOrDefault("POD_NAME", context.hostname());
        String podNamespace = context.env().getOrDefault("POD_NAMESPACE", "ingress-nginx");
        context.stdout("-------------------------------------------------------------------------------");
        context.stdout("NGINX Ingress controller");
        context.stdout("  Release:       v1.12.0");
        context.stdout("  Repository:    https://github.com/kubernetes/ingress-nginx");
        context.stdout("  nginx version: nginx/1.25.5");
        context.stdout("");
        context.stdout("-------------------------------------------------------------------------------");
        NginxProxy proxy = new NginxProxy(context, routes());
        Optional<String> error = context.listen(HTTP_PORT, proxy::handle);
        if (error.isPresent()) {
            context.stderr("nginx: [emerg] bind() to 0.0.0.0:80 failed (98: " + error.get() + ")");
            context.exit(1);
            return Process.IGNORES_SIGNALS;
        }
        StatusSync status = new StatusSync(api, podNamespace, podName);
        List<ApiWatch> watches = new ArrayList<>();
        long from = api.resourceVersion();
        Runnable resync = () -> {
            if (!context.exited()) {
                proxy.routes(routes());
                status.sync(classIngresses());
            }
        };
        watches.add(api.watch(ApiResources.INGRESSES, "", from, e -> resync.run()));
        watches.add(api.watch(ApiResources.SERVICES, "", from, e -> resync.run()));
        watches.add(api.watch(ApiResources.ENDPOINT_SLICES, "", from, e -> resync.run()));
        watches.add(api.watch(ApiResources.PODS, podNamespace, from, e -> resync.run()));
        resync.run();
        return signal -> {
            if (signal == Signal.SIGTERM || signal == Signal.SIGINT || signal == Signal.SIGQUIT) {
                watches.forEach(ApiWatch::cancel);
                return OptionalInt.of(0);
            }
            return OptionalInt.empty();
        };
    }

    private Routes routes() {
        return Routes.of(classIngresses(), api.list(Service.class, ""), api.list(EndpointSlice.class, ""));
    }

    /** IsValid in ingress-nginx's ingress class check: its class by name, by the old annotation, or none, as the default class. */
    List<Ingress> classIngresses() {
        return api.list(Ingress.class, "").stream().filter(ing -> {
            String byName = ing.getSpec().getIngressClassName();
            String byAnnotation = ing.getMetadata().getAnnotations() == null ? null
                    : ing.getMetadata().getAnnotations().get("kubernetes.io/ingress.class");
            return CLASS.equals(byName) || CLASS.equals(byAnnotation) || byName == null && byAnnotation == null;
        }).toList();
    }
}
