package org.laymanlabs.backend.session;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Bearer tokens for the real-client endpoints (the Docker Engine API and the Kubernetes API): a
 * learner's {@code DOCKER_HOST} or kubeconfig carries one, and it reaches one attempt's sandbox
 * and nothing else. Issuing one hands it out once; only its hash is stored, as for passwords.
 * Callers check that the learner owns the attempt before issuing or revoking.
 */
@Service
public class SandboxTokens {

    /** Marks our tokens, so that a leaked one is recognisable to secret scanners and people alike. */
    static final String PREFIX = "llsbx_";

    private final SandboxTokenRepository tokens;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    SandboxTokens(SandboxTokenRepository tokens, ObjectProvider<Clock> clock) {
        this.tokens = tokens;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    /** A new token for the attempt's sandbox; the only time the token itself is seen. */
    @Transactional
    public String issue(UUID attemptId) {
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        tokens.save(new SandboxToken(hash(token), attemptId, clock.instant()));
        return token;
    }

    /** Revokes every token of the attempt; returns how many were still valid. */
    @Transactional
    public int revokeAll(UUID attemptId) {
        int revoked = 0;
        for (SandboxToken token : tokens.findByAttemptId(attemptId)) {
            if (!token.isRevoked()) {
                token.revoke(clock.instant());
                revoked++;
            }
        }
        return revoked;
    }

    /** The attempt a presented token opens, if it is one of ours and not revoked. */
    @Transactional(readOnly = true)
    public Optional<UUID> resolve(String token) {
        if (token == null || !token.startsWith(PREFIX)) {
            return Optional.empty();
        }
        return tokens.findById(hash(token)).filter(t -> !t.isRevoked()).map(SandboxToken::attemptId);
    }

    private static String hash(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
