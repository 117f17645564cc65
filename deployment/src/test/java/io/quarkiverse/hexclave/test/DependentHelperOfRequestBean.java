package io.quarkiverse.hexclave.test;

import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

import io.quarkiverse.hexclave.cdi.HexclaveUser;
import io.quarkiverse.hexclave.verifier.HexclavePrincipal;
import io.quarkus.security.Authenticated;

/** Right: a dependent bean used only by a request-scoped resource may inject {@code @HexclaveUser}. */
@Dependent
public class DependentHelperOfRequestBean {

    @Inject
    @HexclaveUser
    HexclavePrincipal principal;

    String greeting() {
        return "hi " + principal.userId();
    }

    /** The request-scoped resource using it. */
    @Path("/helper")
    @RequestScoped
    public static class Resource {
        @Inject
        DependentHelperOfRequestBean helper;

        @GET
        @Authenticated
        public String get() {
            return helper.greeting();
        }
    }
}
