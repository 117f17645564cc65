package com.example.combined;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import jakarta.security.enterprise.AuthenticationException;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.quarkiverse.hexclave.jakarta.HexclaveHttpAuthenticationMechanism;

// tag::mechanism[]
/**
 * The application's one mechanism: HTTP Basic for the operators' pages under /ops, Hexclave everywhere else.
 */
@Alternative
@Priority(Interceptor.Priority.APPLICATION) // <1>
@ApplicationScoped
public class HexclaveOrOpsMechanism implements HttpAuthenticationMechanism {

    @Inject
    HexclaveHttpAuthenticationMechanism hexclave; // <2>

    @Inject
    IdentityStoreHandler identityStores;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
            HttpMessageContext context) throws AuthenticationException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (!path.startsWith("/ops/")) {
            return hexclave.validateRequest(request, response, context); // <3>
        }
        String header = request.getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
            String[] userAndPassword = decode(header.substring(6).trim()).split(":", 2);
            if (userAndPassword.length == 2) {
                CredentialValidationResult result = identityStores.validate(
                        new UsernamePasswordCredential(userAndPassword[0], userAndPassword[1])); // <4>
                if (result.getStatus() == CredentialValidationResult.Status.VALID) {
                    return context.notifyContainerAboutLogin(result);
                }
            }
        }
        if (context.isProtected() || context.isAuthenticationRequest()) {
            response.setHeader("WWW-Authenticate", "Basic realm=\"ops\"");
            return context.responseUnauthorized();
        }
        return context.doNothing();
    }

    private static String decode(String base64) {
        try {
            return new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return "";
        }
    }
}
// end::mechanism[]
