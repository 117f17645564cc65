package io.quarkiverse.hexclave.runtime.authorization;

import java.util.Optional;

import io.quarkiverse.hexclave.apikey.HexclaveApiKeyPrincipal;
import io.quarkiverse.hexclave.verifier.HexclavePrincipal;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * The Hexclave user whose permissions an authorization check asks about: the user of an access token, or of a user
 * API key (a team key's caller is no user). Only a token names a selected team.
 *
 * @param userId the user id
 * @param selectedTeamId the team selected in the token; empty for a user API key
 */
record AuthorizedUser(String userId, Optional<String> selectedTeamId) {

    /** The Hexclave user of {@code identity}; empty when it is anonymous, a team, or not Hexclave's. */
    static Optional<AuthorizedUser> of(SecurityIdentity identity) {
        if (identity == null || identity.isAnonymous()) {
            return Optional.empty();
        }
        if (identity.getPrincipal() instanceof HexclavePrincipal p) {
            return Optional.of(new AuthorizedUser(p.userId(), p.selectedTeamId()));
        }
        if (identity.getPrincipal() instanceof HexclaveApiKeyPrincipal key && key.userId() != null) {
            return Optional.of(new AuthorizedUser(key.userId(), Optional.empty()));
        }
        return Optional.empty();
    }
}
