package io.quarkiverse.hexclave.test;

import jakarta.inject.Inject;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.quarkiverse.hexclave.supabase.SupabaseTokenRefusedException;
import io.quarkiverse.hexclave.supabase.SupabaseTokens;
import io.quarkiverse.hexclave.verifier.HexclavePrincipal;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;

/** Mints the Supabase token of the signed-in Hexclave user. */
@Path("/supabase-token")
public class SupabaseTokenEndpoint {

    @Inject
    SupabaseTokens supabase;

    @Inject
    SecurityIdentity identity;

    @GET
    @Authenticated
    @Produces(MediaType.TEXT_PLAIN)
    public String token() {
        try {
            return supabase.mint((HexclavePrincipal) identity.getPrincipal()).value();
        } catch (SupabaseTokenRefusedException e) {
            throw new ForbiddenException();
        }
    }
}
