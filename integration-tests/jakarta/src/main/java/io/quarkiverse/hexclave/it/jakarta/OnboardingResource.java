package io.quarkiverse.hexclave.it.jakarta;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;

import io.quarkiverse.hexclave.jakarta.HexclaveIdentity;
import io.quarkiverse.hexclave.security.AllowAnonymousUsers;
import io.quarkiverse.hexclave.security.AllowRestrictedUsers;
import io.quarkiverse.hexclave.verifier.HexclavePrincipal;

/**
 * Per-endpoint grants: restricted users may call {@code /next}, anonymous (and restricted) users {@code /guest}; no
 * endpoint here is behind a web.xml constraint, so the grant is decided once JAX-RS matched the method.
 */
@Path("/onboarding")
@RequestScoped
public class OnboardingResource {

    @Inject
    HexclaveIdentity identity;

    @Context
    HttpServletRequest request;

    @GET
    @Path("/next")
    @AllowRestrictedUsers
    @RolesAllowed({ "authenticated", "restricted" })
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> next() {
        return caller();
    }

    @GET
    @Path("/guest")
    @AllowAnonymousUsers
    @RolesAllowed({ "authenticated", "anonymous" })
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> guest() {
        return caller();
    }

    /** Open to everyone, but grants nothing: restricted and anonymous users are refused here. */
    @GET
    @Path("/later")
    @PermitAll
    @Produces(MediaType.TEXT_PLAIN)
    public String later() {
        return "later " + identity.principal().map(HexclavePrincipal::userId).orElse("guest");
    }

    private Map<String, Object> caller() {
        Map<String, Object> caller = new LinkedHashMap<>();
        caller.put("userId", identity.principal().map(HexclavePrincipal::userId).orElse(null));
        caller.put("userClass", identity.principal().map(p -> p.userClass().name()).orElse(null));
        caller.put("servletUserPrincipal", request.getUserPrincipal() == null ? null : request.getUserPrincipal().getName());
        caller.put("inRoleAuthenticated", request.isUserInRole("authenticated"));
        caller.put("inRoleRestricted", request.isUserInRole("restricted"));
        caller.put("inRoleAnonymous", request.isUserInRole("anonymous"));
        return caller;
    }
}
