package io.quarkiverse.hexclave.test;

import java.util.TreeSet;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.quarkiverse.hexclave.security.AllowRestrictedUsers;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;

/** Restricted users allowed on one method only. */
@Path("/classes")
@Produces(MediaType.TEXT_PLAIN)
public class UserClassEndpoint {

    @Inject
    SecurityIdentity identity;

    @GET
    @Path("/onboarding")
    @Authenticated
    @AllowRestrictedUsers
    public String onboarding() {
        return "roles " + String.join(",", new TreeSet<>(identity.getRoles()));
    }

    @GET
    @Path("/members")
    @Authenticated
    public String members() {
        return "members only";
    }

    @GET
    @Path("/members-by-role")
    @RolesAllowed("authenticated")
    public String membersByRole() {
        return "members only";
    }
}
