package io.quarkiverse.hexclave.runtime.authorization;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import io.quarkiverse.hexclave.runtime.internal.MechanismOptions;
import io.quarkiverse.hexclave.verifier.Challenge;
import io.quarkus.arc.Arc;

/**
 * Answers {@link HexclaveUnavailableException} as the extension answers keys that cannot be fetched: the
 * keys-unavailable {@link Challenge} ({@code quarkus.hexclave.keys-unavailable-status}, {@code Retry-After},
 * {@code Cache-Control: no-store}) with an empty body. Registered only when a REST stack is present.
 */
@Provider
public class HexclaveUnavailableMapper implements ExceptionMapper<HexclaveUnavailableException> {

    @Override
    public Response toResponse(HexclaveUnavailableException exception) {
        int status = Arc.container().instance(MechanismOptions.class).get().keysUnavailableStatus();
        Challenge challenge = Challenge.keysUnavailable(status);
        Response.ResponseBuilder response = Response.status(challenge.status());
        challenge.headers().forEach(response::header);
        return response.build();
    }
}
