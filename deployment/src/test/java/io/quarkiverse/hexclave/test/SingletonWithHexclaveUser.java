package io.quarkiverse.hexclave.test;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

import io.quarkiverse.hexclave.cdi.HexclaveUser;
import io.quarkiverse.hexclave.verifier.HexclavePrincipal;

/** Wrong: a JAX-RS resource is a singleton by default and would keep the first request's user. */
@Path("/wrong")
public class SingletonWithHexclaveUser {

    @Inject
    @HexclaveUser
    HexclavePrincipal principal;

    @GET
    public String get() {
        return principal.userId();
    }
}
