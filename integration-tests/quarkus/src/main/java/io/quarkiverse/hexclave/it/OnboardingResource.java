package io.quarkiverse.hexclave.it;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.quarkiverse.hexclave.security.AllowRestrictedUsers;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;

/** Where users who have not finished onboarding may go. */
@Path("/onboarding")
@Produces(MediaType.TEXT_PLAIN)
public class OnboardingResource {

    @Inject
    SecurityIdentity identity;

    @GET
    @Authenticated
    @AllowRestrictedUsers
    public String next() {
        return identity.hasRole("restricted") ? "finish onboarding" : "all done";
    }
}
