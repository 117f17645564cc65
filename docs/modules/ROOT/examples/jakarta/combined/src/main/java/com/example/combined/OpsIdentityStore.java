package com.example.combined;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;

/** The operators: one user {@code ops} whose password is the environment variable OPS_PASSWORD; group {@code ops}. */
@ApplicationScoped
public class OpsIdentityStore implements IdentityStore {

    public CredentialValidationResult validate(UsernamePasswordCredential credential) {
        String expected = System.getenv("OPS_PASSWORD");
        if (expected == null || expected.isEmpty() || !credential.getCaller().equals("ops")) {
            return CredentialValidationResult.INVALID_RESULT;
        }
        boolean matches = MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                credential.getPasswordAsString().getBytes(StandardCharsets.UTF_8));
        return matches ? new CredentialValidationResult("ops", Set.of("ops")) : CredentialValidationResult.INVALID_RESULT;
    }
}
