package io.quarkiverse.hexclave.it.jakarta;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import io.quarkiverse.hexclave.jakarta.AuthorizationUnavailableException;

/** Hexclave could not answer a permission check: 503, as jakarta-ee.adoc recommends. */
@Provider
public class AuthorizationUnavailableMapper implements ExceptionMapper<AuthorizationUnavailableException> {

    @Override
    public Response toResponse(AuthorizationUnavailableException e) {
        return Response.status(Response.Status.SERVICE_UNAVAILABLE).header("Retry-After", "10").build();
    }
}
