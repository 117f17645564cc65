package io.quarkiverse.hexclave.jakarta.internal.health;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import java.util.function.Supplier;

import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import io.quarkiverse.hexclave.config.HexclaveSettings;
import io.quarkiverse.hexclave.jakarta.internal.HexclaveComponents;
import io.quarkiverse.hexclave.jakarta.internal.HexclaveHealthExtension;
import io.quarkiverse.hexclave.verifier.JwksStatus;
import io.quarkiverse.hexclave.verifier.SigningKeys;

/**
 * Ready when Hexclave's signing keys are cached, fetching them first if none are (a fetch that the keys' shared
 * {@code hexclave.jwks.refresh-cooldown} allows: probes cannot hammer Hexclave): an instance that cannot verify tokens
 * should not receive traffic. Reports the JWKS URL, the number of keys and the last fetch error (never a key or a
 * token), as the Quarkus extension's check does.
 * <p>
 * Not a discovered bean (this package is excluded in {@code beans.xml}: its class needs the MicroProfile Health API):
 * {@link io.quarkiverse.hexclave.jakarta.internal.HexclaveHealthExtension} adds it, application-scoped, when the
 * server has MicroProfile Health and {@code hexclave.health.enabled} is not {@code false}. It does not inject
 * {@link HexclaveComponents}: a type added by an extension may sit in a bean archive that does not see the jar's beans
 * (Payara), so the components reach it through the extension, which every archive sees.
 */
@Readiness
public class HexclaveKeysReadiness implements HealthCheck {

    static final String NAME = "Hexclave signing keys";

    private Supplier<HexclaveComponents> components;

    /** For CDI. */
    public HexclaveKeysReadiness() {
    }

    HexclaveKeysReadiness(HexclaveComponents components) {
        this.components = () -> components;
    }

    @Inject
    void wire(BeanManager beanManager) {
        this.components = beanManager.getExtension(HexclaveHealthExtension.class)::components;
    }

    @Override
    public HealthCheckResponse call() {
        HexclaveComponents components = this.components.get();
        if (components == null) {
            return new HealthCheckResponse(NAME, HealthCheckResponse.Status.DOWN,
                    Optional.of(Map.of("application", "not started yet")));
        }
        Optional<SigningKeys> signingKeys = components.verifier().signingKeys();
        if (signingKeys.isEmpty()) {
            return new HealthCheckResponse(NAME, HealthCheckResponse.Status.UP,
                    Optional.of(Map.of("verification", "rest: no signing keys to hold")));
        }
        JwksStatus status = signingKeys.get().status();
        if (!status.hasKeys()) {
            status = fetch(signingKeys.get(), components.settings());
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("jwks", status.uri().toString());
        data.put("keys", (long) status.keyIds().size());
        status.fetchedAt().ifPresent(t -> data.put("fetchedAt", t.toString()));
        status.lastError().ifPresent(e -> data.put("lastError", e));
        return new HealthCheckResponse(NAME, status.hasKeys() ? HealthCheckResponse.Status.UP
                : HealthCheckResponse.Status.DOWN, Optional.of(data));
    }

    private static JwksStatus fetch(SigningKeys keys, HexclaveSettings settings) {
        return keys.refreshAndWait(settings.connectTimeout().plus(settings.readTimeout()));
    }
}
