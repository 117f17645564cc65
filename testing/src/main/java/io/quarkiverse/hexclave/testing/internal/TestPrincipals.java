package io.quarkiverse.hexclave.testing.internal;

import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import io.quarkiverse.hexclave.config.HexclaveSettings;
import io.quarkiverse.hexclave.emulator.EmulatedUser;
import io.quarkiverse.hexclave.emulator.HexclaveEmulator;
import io.quarkiverse.hexclave.emulator.NewUser;
import io.quarkiverse.hexclave.emulator.TokenBuilder;
import io.quarkiverse.hexclave.testing.HexclaveSecurity;
import io.quarkiverse.hexclave.verifier.HexclavePrincipal;
import io.quarkiverse.hexclave.verifier.HexclaveTokenVerifier;
import io.quarkiverse.hexclave.verifier.JwtTokenVerifier;
import io.quarkiverse.hexclave.verifier.UserClass;
import io.quarkiverse.hexclave.verifier.UserClassPolicy;
import io.quarkiverse.hexclave.verifier.Verification;

/**
 * Makes the {@link HexclavePrincipal} of a {@code @TestSecurity} identity: a private emulator on loopback (started on
 * first use, stopped with the application) mints a token of the configured project, with the issuer origin the
 * application accepts, and a verifier of that emulator's keys verifies it. The principal is therefore what the
 * verifier makes of a genuine token; only its signing key differs, and no application trusts it.
 */
@Singleton
public class TestPrincipals {

    /** Claims with an attribute of their own (or from {@code @TestSecurity}), refused in {@code claims}. */
    static final Set<String> RESERVED = Set.of("sub", "iss", "aud", "exp", "iat", "nbf", "project_id", "branch_id",
            "role", "email", "email_verified", "name", "selected_team_id", "is_anonymous", "is_restricted",
            "restricted_reason", "refresh_token_id", "groups", "raw_token");

    private final HexclaveSettings appSettings;
    private HexclaveEmulator emulator;
    private HexclaveTokenVerifier verifier;

    @Inject
    public TestPrincipals(HexclaveSettings appSettings) {
        this.appSettings = appSettings;
    }

    /** The principal of user {@code subject} as {@code description} describes them. */
    public synchronized HexclavePrincipal principal(String subject, HexclaveSecurity description) {
        validate(description);
        start();
        UserClass userClass = description.userClass();
        NewUser.Builder user = userClass == UserClass.ANONYMOUS ? NewUser.anonymousUser() : NewUser.builder();
        if (userClass != UserClass.ANONYMOUS && !description.email().isBlank()) {
            user.primaryEmail(description.email().strip()).emailVerified(description.emailVerified());
        }
        if (!description.displayName().isBlank()) {
            user.displayName(description.displayName());
        }
        if (userClass == UserClass.RESTRICTED) {
            user.restrictedByAdmin("Restricted for a test");
        }
        EmulatedUser created = emulator.createUser(user.build());
        TokenBuilder token = emulator.token(created).claim("sub", subject);
        Arrays.stream(description.teams()).filter(HexclaveSecurity.Team::selected).findFirst()
                .ifPresent(team -> token.claim("selected_team_id", team.id()));
        for (HexclaveSecurity.Claim claim : description.claims()) {
            token.claim(claim.key(), value(claim));
        }
        emulator.deleteUser(created.id()); // the token is all that is needed of it
        Verification outcome = verifier.verify(token.mint());
        if (outcome instanceof Verification.Accepted accepted) {
            return accepted.principal();
        }
        throw new IllegalStateException("@HexclaveSecurity: the test token was not accepted (" + outcome + ")");
    }

    static void validate(HexclaveSecurity description) {
        if (Arrays.stream(description.teams()).filter(HexclaveSecurity.Team::selected).count() > 1) {
            throw new IllegalArgumentException("@HexclaveSecurity: at most one team can be selected");
        }
        if (Arrays.stream(description.teams()).map(HexclaveSecurity.Team::id).distinct().count() < description
                .teams().length || Arrays.stream(description.teams()).anyMatch(t -> t.id().isBlank())) {
            throw new IllegalArgumentException("@HexclaveSecurity: each team needs an id of its own");
        }
        if (description.userClass() == UserClass.ANONYMOUS && !description.email().isBlank()) {
            throw new IllegalArgumentException("@HexclaveSecurity: anonymous users have no e-mail");
        }
        for (HexclaveSecurity.Claim claim : description.claims()) {
            if (RESERVED.contains(claim.key())) {
                throw new IllegalArgumentException("@HexclaveSecurity: the claim " + claim.key()
                        + " is Hexclave's own; set it with its attribute (or @TestSecurity's user), not in claims");
            }
            value(claim);
        }
    }

    private static Object value(HexclaveSecurity.Claim claim) {
        String v = claim.value().strip();
        return switch (claim.type()) {
            case STRING -> claim.value();
            case LONG -> {
                try {
                    yield Long.parseLong(v);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("@HexclaveSecurity: the claim " + claim.key()
                            + " is of type LONG, but its value is not a whole number: " + claim.value());
                }
            }
            case BOOLEAN -> {
                if (!v.equals("true") && !v.equals("false")) {
                    throw new IllegalArgumentException("@HexclaveSecurity: the claim " + claim.key()
                            + " is of type BOOLEAN, but its value is neither true nor false: " + claim.value());
                }
                yield Boolean.parseBoolean(v);
            }
        };
    }

    private void start() {
        if (emulator != null) {
            return;
        }
        String origin = appSettings.issuerOrigins().get(0);
        emulator = HexclaveEmulator.builder().projectId(appSettings.projectId()).issuerOrigin(origin).build().start();
        HexclaveSettings settings = HexclaveSettings.builder(appSettings.projectId()).apiUrl(emulator.apiUrl())
                .issuerOrigins(List.of(origin)).allowRestrictedUsers(true).allowAnonymousUsers(true)
                .verifiedTokenCacheSize(0).build();
        verifier = new JwtTokenVerifier(settings, UserClassPolicy.of(true, true), Clock.systemUTC());
    }

    @PreDestroy
    synchronized void stop() {
        if (emulator != null) {
            emulator.close();
            emulator = null;
        }
    }
}
