package io.quarkiverse.hexclave.test;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;

/** A user store of one user for Basic authentication beside Hexclave: {@value #USER} / {@value #PASSWORD}. */
@ApplicationScoped
public class OneUserIdentityProvider implements IdentityProvider<UsernamePasswordAuthenticationRequest> {

    static final String USER = "alice";
    static final String PASSWORD = "wonderland";

    @Override
    public Class<UsernamePasswordAuthenticationRequest> getRequestType() {
        return UsernamePasswordAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(UsernamePasswordAuthenticationRequest request,
            AuthenticationRequestContext context) {
        if (USER.equals(request.getUsername()) && PASSWORD.equals(new String(request.getPassword().getPassword()))) {
            return Uni.createFrom().item(QuarkusSecurityIdentity.builder().setPrincipal(new QuarkusPrincipal(USER))
                    .addRole("user").build());
        }
        return Uni.createFrom().failure(new AuthenticationFailedException());
    }
}
