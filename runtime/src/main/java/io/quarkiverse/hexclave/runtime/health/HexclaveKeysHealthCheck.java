package io.quarkiverse.hexclave.runtime.health;


import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import io.quarkiverse.hexclave.config.HexclaveSettings;
import io.quarkiverse.hexclave.verifier.HexclaveTokenVerifier;
import io.quarkiverse.hexclave.verifier.JwksStatus;
import io.quarkiverse.hexclave.verifier.SigningKeys;

/**
 * Ready when Hexclave's signing keys are cached, fetching them first if none are: an instance that cannot verify
 * tokens should not receive traffic. Reports the JWKS URL, the number of keys and the last fetch error (never a key
 * or a token). Registered only with {@code quarkus-smallrye-health} and {@code quarkus.hexclave.health.enabled}.
 */
@Readiness
@ApplicationScoped
public class HexclaveKeysHealthCheck implements HealthCheck {

    static final String NAME = "Hexclave signing keys";

    @Inject
    HexclaveTokenVerifier verifier;

    @Inject
    HexclaveSettings settings;

    @Override
    public HealthCheckResponse call() {
        if (verifier.signingKeys().isEmpty()) {
            return HealthCheckResponse.named(NAME).up().withData("verification", "rest: no signing keys to hold").build();
        }
        SigningKeys keys = verifier.signingKeys().get();
        JwksStatus status = keys.status();
        if (!status.hasKeys()) {
            status = fetch(keys);
        }
        HealthCheckResponseBuilder response = HealthCheckResponse.named(NAME).status(status.hasKeys())
                .withData("jwks", status.uri().toString())
                .withData("keys", status.keyIds().size());
        status.fetchedAt().ifPresent(t -> response.withData("fetchedAt", t.toString()));
        status.lastError().ifPresent(e -> response.withData("lastError", e));
        return response.build();
    }

    private JwksStatus fetch(SigningKeys keys) {
        return keys.refreshAndWait(settings.connectTimeout().plus(settings.readTimeout()));
    }
}
