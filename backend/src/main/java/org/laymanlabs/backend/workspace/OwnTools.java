package org.laymanlabs.backend.workspace;

import java.util.Optional;
import java.util.UUID;
import org.laymanlabs.backend.account.Caller;
import org.laymanlabs.backend.engineapi.EngineApiConfiguration.EngineApiLifecycle;
import org.laymanlabs.backend.engineapi.EngineApiServer;
import org.laymanlabs.backend.kubeapi.KubeApiConfiguration.KubeApiLifecycle;
import org.laymanlabs.backend.progress.Attempts;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/**
 * What a learner needs to drive their sandbox with their own kubectl and docker CLI
 * (docs/use-your-own-kubectl.md, docs/use-your-own-docker-cli.md): a new token for their attempt,
 * the kubeconfig that carries it, and the DOCKER_HOST and docker config.json that do. Either is
 * absent when the operator turned that API off.
 */
@Service
public class OwnTools {

    private final Attempts attempts;
    private final ObjectProvider<KubeApiLifecycle> kube;
    private final ObjectProvider<EngineApiLifecycle> engine;

    OwnTools(Attempts attempts, ObjectProvider<KubeApiLifecycle> kube, ObjectProvider<EngineApiLifecycle> engine) {
        this.attempts = attempts;
        this.kube = kube;
        this.engine = engine;
    }

    /**
     * The connection details for the caller's attempt, with a token issued now (shown once).
     *
     * @param host the name the learner reaches this site by, for DOCKER_HOST
     */
    public Connection connect(Caller caller, UUID attemptId, String host) {
        String token = attempts.issueToken(caller, attemptId);
        String sandboxId = attemptId.toString();
        Optional<String> kubeconfig = Optional.ofNullable(kube.getIfAvailable()).flatMap(k -> k.kubeconfig(sandboxId, token));
        Optional<String> dockerHost = Optional.ofNullable(engine.getIfAvailable()).flatMap(EngineApiLifecycle::server)
                .map(EngineApiServer::port).map(port -> "tcp://" + host + ":" + port);
        String dockerConfig = """
                {
                  "HttpHeaders": {
                    "Authorization": "Bearer %s",
                    "X-Layman-Sandbox": "%s"
                  }
                }
                """.formatted(token, sandboxId);
        return new Connection(sandboxId, token, kubeconfig, dockerHost, dockerConfig);
    }

    /** Ends every token of the caller's attempt: their own tools lose the sandbox at once. */
    public int disconnect(Caller caller, UUID attemptId) {
        return attempts.revokeTokens(caller, attemptId);
    }

    /**
     * @param kubeconfig   empty when the Kubernetes API is off
     * @param dockerHost   DOCKER_HOST's value, empty when the Engine API is off
     * @param dockerConfig a docker config.json that sends the token with every request
     */
    public record Connection(String sandboxId, String token, Optional<String> kubeconfig, Optional<String> dockerHost,
                             String dockerConfig) {
    }
}
