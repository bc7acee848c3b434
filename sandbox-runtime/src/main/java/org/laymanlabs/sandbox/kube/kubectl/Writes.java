package org.laymanlabs.sandbox.kube.kubectl;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.List;
import org.laymanlabs.sandbox.kube.api.DecodingException;
import org.laymanlabs.sandbox.kube.apiserver.ApiException;

/**
 * Creating one manifest object as kubectl apply and kubectl create -f do (resource.Helper.Create
 * with fieldValidation=Strict), with the server's refusals wrapped as cmdutil.AddSourceToErr
 * wraps them: {@code error when creating "web.yaml": ...}.
 */
final class Writes {

    private Writes() {
    }

    static void create(ManifestObject object, JsonNode body, Session session, Failures failures, String dryRunSuffix,
                       Output output, List<HasMetadata> created) {
        HasMetadata decoded;
        try {
            decoded = object.decode(body);
        } catch (DecodingException e) {
            failures.server("Error from server (BadRequest): error when creating \"" + object.source() + "\": "
                    + object.decodingMessage(e) + "\n");
            return;
        }
        if (!dryRunSuffix.isEmpty()) {
            session.out(Output.name(decoded) + " created" + dryRunSuffix + "\n");
            return;
        }
        try {
            HasMetadata stored = session.api().await(session.api().create(decoded));
            if (output.humanReadable()) {
                session.out(Output.name(stored) + " created\n");
            }
            created.add(stored);
        } catch (ApiException e) {
            failures.server(sourced(e, "creating", object.source(), decoded, null));
        }
    }

    /** A refusal as kubectl prints it after AddSourceToErr; Invalid prints from its details instead. */
    static String sourced(ApiException e, String verb, String source, HasMetadata attempted, HasMetadata existing) {
        if (e.reason() == ApiException.Reason.INVALID) {
            return ServerErrors.print(e, attempted, existing);
        }
        return "Error from server (" + e.reason().word() + "): error when " + verb + " \"" + source + "\": " + e.getMessage() + "\n";
    }
}
