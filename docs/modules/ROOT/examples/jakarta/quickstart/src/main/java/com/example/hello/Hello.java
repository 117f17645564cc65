package com.example.hello;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

import io.quarkiverse.hexclave.cdi.HexclaveUser;
import io.quarkiverse.hexclave.verifier.HexclavePrincipal;

@Path("/hello")
@RequestScoped
public class Hello {

    @Inject
    @HexclaveUser
    HexclavePrincipal user; // the verified Hexclave token

    @GET
    @RolesAllowed("authenticated")
    public String hello() {
        return "Hello " + user.userId();
    }
}
