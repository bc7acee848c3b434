package org.laymanlabs.sandbox.kube.kubectl;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.laymanlabs.sandbox.kube.api.ApiResources;
import org.laymanlabs.sandbox.kube.api.Codec;
import org.laymanlabs.sandbox.kube.apiserver.ApiException;

/**
 * The objects a verb such as scale, label or cordon acts on ({@code TYPE NAME...},
 * {@code TYPE/NAME}, or {@code TYPE -l selector}), and the read-change-write loop kubectl's
 * patches amount to, retried on a resourceVersion conflict as the patch helper retries.
 */
final class Targets {

    private static final int RETRIES = 5;

    private Targets() {
    }

    /** Fetches the named objects; a missing one is a NotFound failure and the others carry on. */
    static List<HasMetadata> fetch(List<String> resourceArgs, FlagSet.Parsed args, Session session, Failures failures) {
        List<HasMetadata> objects = new ArrayList<>();
        Query query = Query.from(args, session);
        for (ResourceArgs.Target target : ResourceArgs.resolve(resourceArgs)) {
            if (target.name() == null) {
                if (!args.changed("selector") && !(args.values().containsKey("all") && args.bool("all"))) {
                    throw KubectlException.error("resource(s) were provided, but no name was specified");
                }
                objects.addAll(query.list(target.type()));
                continue;
            }
            Optional<HasMetadata> object = query.get(target.type(), target.name());
            if (object.isPresent()) {
                objects.add(object.get());
            } else {
                failures.server("Error from server (NotFound): " + target.type().groupResource() + " \"" + target.name()
                        + "\" not found\n");
            }
        }
        return objects;
    }

    /**
     * Changes a copy of the live object and writes it back; returns the stored object, or the
     * original when the change left it as it was (kubectl then sends an empty patch).
     */
    @SuppressWarnings("unchecked")
    static <T extends HasMetadata> T update(T live, Session session, UnaryOperator<T> change) {
        T current = live;
        for (int attempt = 0; ; attempt++) {
            T copy = Codec.shared().copy(current);
            T changed = change.apply(copy);
            if (Codec.shared().toTree(changed).equals(Codec.shared().toTree(current))) {
                return current;
            }
            try {
                return session.api().await(session.api().update(changed));
            } catch (ApiException e) {
                if (e.reason() != ApiException.Reason.CONFLICT || attempt >= RETRIES) {
                    throw KubectlException.verbatim(ServerErrors.print(e, changed, current));
                }
                var type = ApiResources.of(current.getClass());
                current = (T) session.api().get(type, type.namespaced() ? current.getMetadata().getNamespace() : "",
                        current.getMetadata().getName()).orElseThrow(() -> KubectlException.verbatim(
                        "Error from server (NotFound): " + type.groupResource() + " \"" + live.getMetadata().getName() + "\" not found\n"));
            }
        }
    }
}
