package io.quarkiverse.hexclave.jakarta;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.identitystore.IdentityStore;

import io.quarkiverse.hexclave.verifier.HexclavePrincipal;

/**
 * The credential {@link HexclaveHttpAuthenticationMechanism} hands to Jakarta Security's identity stores: a Hexclave
 * access token the mechanism has already verified, carried as its {@link HexclavePrincipal} (never the raw token).
 * <p>
 * The mechanism verifies the token itself, because only the typed outcome of the verification can tell a rejected
 * token (401 with its reason) from Hexclave being unreachable (503); identity stores only answer valid or invalid.
 * Hexclave's own identity store validates this credential; an application's {@link IdentityStore} with
 * {@code VALIDATE} may recognise it too ({@code CredentialValidationResult validate(HexclaveTokenCredential c)}), and
 * every store with only {@code PROVIDE_GROUPS} is asked for groups of the validated caller.
 */
public final class HexclaveTokenCredential implements Credential {

    private final HexclavePrincipal principal;
    private final Set<String> groups;

    /** @param principal the verified principal, admitted on every request */
    public HexclaveTokenCredential(HexclavePrincipal principal) {
        this(principal, true);
    }

    /**
     * @param principal the verified principal
     * @param admittedEverywhere {@code false} for a restricted or anonymous user admitted only by the grant of the
     *        matched resource method ({@code @AllowRestrictedUsers} / {@code @AllowAnonymousUsers})
     */
    public HexclaveTokenCredential(HexclavePrincipal principal, boolean admittedEverywhere) {
        this.principal = Objects.requireNonNull(principal, "principal");
        Set<String> g = new LinkedHashSet<>(principal.getGroups());
        if (!admittedEverywhere) {
            g.remove(HexclavePrincipal.AUTHENTICATED); // role checks written for full users keep refusing them
        }
        this.groups = Collections.unmodifiableSet(g);
    }

    /** The verified principal. */
    public HexclavePrincipal principal() {
        return principal;
    }

    /**
     * The groups Hexclave gives the caller: {@code authenticated}, plus {@code restricted} / {@code anonymous} for
     * such users; without {@code authenticated} for a user admitted only by an endpoint grant.
     */
    public Set<String> groups() {
        return groups;
    }

    /** Always {@code true}: only verified tokens become this credential. */
    @Override
    public boolean isValid() {
        return true;
    }

    @Override
    public String toString() {
        return "HexclaveTokenCredential[" + principal + "]";
    }
}
