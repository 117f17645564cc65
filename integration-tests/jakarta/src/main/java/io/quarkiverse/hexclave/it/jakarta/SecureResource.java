package io.quarkiverse.hexclave.it.jakarta;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkiverse.hexclave.cdi.HexclaveUser;
import io.quarkiverse.hexclave.jakarta.HexclaveIdentity;
import io.quarkiverse.hexclave.verifier.HexclavePrincipal;

/** Needs a signed-in Hexclave user (web.xml constraint on /api/secure/*, and @RolesAllowed). */
@Path("/secure")
@RequestScoped
@RolesAllowed("authenticated")
public class SecureResource {

    @Inject
    @HexclaveUser
    HexclavePrincipal principal;

    @Inject
    @HexclaveUser
    JsonWebToken jwt;

    @Inject
    HexclaveIdentity identity;

    /** The server's own default JsonWebToken, if it ships one (Payara, Liberty with mpJwt): must never be ambiguous. */
    @Inject
    Instance<JsonWebToken> serverJsonWebToken;

    @Inject
    SecurityContext securityContext;

    @Context
    HttpServletRequest request;

    /** What every standard API says about the caller. */
    @GET
    @Path("/me")
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> me() {
        Map<String, Object> me = new LinkedHashMap<>();
        me.put("userId", principal.userId());
        me.put("email", principal.email().orElse(null));
        me.put("userClass", principal.userClass().name());
        me.put("groups", String.join(",", principal.getGroups()));
        me.put("jwtSubject", jwt.getSubject());
        me.put("identityUserId", identity.principal().map(HexclavePrincipal::userId).orElse(null));
        me.put("servletUserPrincipal", request.getUserPrincipal() == null ? null : request.getUserPrincipal().getName());
        me.put("servletInRoleAuthenticated", request.isUserInRole("authenticated"));
        me.put("servletInRoleAdmin", request.isUserInRole("admin"));
        me.put("servletInRoleCustomer", request.isUserInRole("customer"));
        me.put("securityContextCaller",
                securityContext.getCallerPrincipal() == null ? null : securityContext.getCallerPrincipal().getName());
        me.put("securityContextInRoleAuthenticated", securityContext.isCallerInRole("authenticated"));
        me.put("defaultJsonWebTokenAmbiguous", serverJsonWebToken.isAmbiguous());
        me.put("defaultJsonWebTokenResolvable", serverJsonWebToken.isResolvable());
        return me;
    }

    /** Only for a role Hexclave users do not get: 403. */
    @GET
    @Path("/admin")
    @RolesAllowed("admin")
    @Produces(MediaType.TEXT_PLAIN)
    public String admin() {
        return "admin only";
    }

    /** For the group the application's own identity store gives (CustomerGroupStore). */
    @GET
    @Path("/customer")
    @RolesAllowed("customer")
    @Produces(MediaType.TEXT_PLAIN)
    public String customer() {
        return "customer " + principal.userId();
    }

    /** The application's own Cache-Control replaces the mechanism's default. */
    @GET
    @Path("/cacheable")
    @Produces(MediaType.TEXT_PLAIN)
    public Response cacheable() {
        CacheControl cc = new CacheControl();
        cc.setPrivate(true);
        cc.setMaxAge(60);
        return Response.ok("cacheable").cacheControl(cc).build();
    }
}
