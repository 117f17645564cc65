package io.quarkiverse.hexclave.verifier;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.microprofile.jwt.Claims;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import io.quarkiverse.hexclave.config.HexclaveSettings;
import io.quarkiverse.hexclave.credential.CredentialSource;
import io.quarkiverse.hexclave.credential.HexclaveCredential;
import io.quarkiverse.hexclave.testsupport.VerifierFixture;

class HexclaveTokenVerifierTest {

    final VerifierFixture f = new VerifierFixture();

    @AfterEach
    void stop() {
        f.close();
    }

    static HexclavePrincipal accepted(Verification v) {
        assertThat(v).as("verification outcome").isInstanceOf(Verification.Accepted.class);
        return ((Verification.Accepted) v).principal();
    }

    static void rejected(Verification v, RejectionReason reason) {
        assertThat(v).as("verification outcome").isInstanceOf(Verification.Rejected.class);
        assertThat(((Verification.Rejected) v).reason()).isEqualTo(reason);
    }

    @Test
    void validNormalTokenBecomesAPrincipalWithEveryHexclaveClaim() {
        var builder = f.tokens.normal().claim("selected_team_id", "5b0f8a57-3d43-4e0b-8d0a-0dbd1f7f8a11");
        String token = builder.mint();
        Map<String, Object> c = builder.claims();

        HexclavePrincipal p = accepted(f.verifier().verify(token));

        assertThat(p.getName()).isEqualTo(c.get("sub")).isEqualTo(p.userId()).isEqualTo(p.getSubject());
        assertThat(p.email()).contains("ada@example.com");
        assertThat(p.emailVerified()).isTrue();
        assertThat(p.displayName()).contains("Ada Lovelace");
        assertThat(p.selectedTeamId()).contains("5b0f8a57-3d43-4e0b-8d0a-0dbd1f7f8a11");
        assertThat(p.anonymous()).isFalse();
        assertThat(p.restricted()).isFalse();
        assertThat(p.restrictedReason()).isEmpty();
        assertThat(p.signedUpAt()).contains(Instant.ofEpochSecond((Long) c.get("signed_up_at")));
        assertThat(p.sessionId()).contains((String) c.get("refresh_token_id"));
        assertThat(p.projectId()).isEqualTo(f.projectId);
        assertThat(p.branchId()).isEqualTo("main");
        assertThat(p.requiresTotpMfa()).isFalse();
        assertThat(p.userClass()).isEqualTo(UserClass.NORMAL);
        assertThat(p.getGroups()).containsExactly("authenticated");
        assertThat(p.getIssuer()).isEqualTo(f.jwks.apiUrl() + "/api/v1/projects/" + f.projectId);
        assertThat(p.getAudience()).containsExactly(f.projectId);
        assertThat(p.getExpirationTime()).isEqualTo(c.get("exp"));
        assertThat(p.getIssuedAtTime()).isEqualTo(c.get("iat"));
        assertThat(p.getRawToken()).isEqualTo(token);
        assertThat((Set<String>) p.getClaim(Claims.groups)).containsExactly("authenticated");
        assertThat((String) p.getClaim("email")).isEqualTo("ada@example.com");
        assertThat(p.claim("role")).contains("authenticated");
    }

    @Test
    void principalToStringShowsNoEmailAndNoToken() {
        String token = f.tokens.normal().mint();
        HexclavePrincipal p = accepted(f.verifier().verify(token));
        assertThat(p.toString()).doesNotContain("ada@example.com").doesNotContain(token).doesNotContain("eyJ")
                .contains(p.userId());
    }

    @Test
    void tokensFromBothIssuerHostsAreAcceptedForTheHostedService() {
        // The hosted service stamps the host the minting request arrived on: api.hexclave.com or api.stack-auth.com.
        var settings = f.settings().issuerOrigins(List.of()).build();
        assertThat(settings.issuerOrigins()).containsExactly(settings.apiUrl().replace("localhost", "127.0.0.1"));

        HexclaveSettings hosted = HexclaveSettings.builder(f.projectId).build();
        assertThat(hosted.issuerOrigins()).containsExactly("https://api.hexclave.com", "https://api.stack-auth.com");
        var verifier = f.verifier(b -> b.issuerOrigins(List.of("https://api.hexclave.com", "https://api.stack-auth.com")));

        accepted(verifier.verify(f.tokens.normal().issuerOrigin("https://api.hexclave.com").mint()));
        accepted(verifier.verify(f.tokens.normal().issuerOrigin("https://api.stack-auth.com").mint()));
        rejected(verifier.verify(f.tokens.normal().issuerOrigin("https://api.evil.com").mint()), RejectionReason.WRONG_ISSUER);
    }

    @Test
    void restrictedUsersAreRejectedUnlessAllowed() {
        String token = f.tokens.restricted().mint();
        rejected(f.verifier().verify(token), RejectionReason.RESTRICTED_USER_NOT_ALLOWED);

        HexclavePrincipal p = accepted(f.verifier(b -> b.allowRestrictedUsers(true)).verify(token));
        assertThat(p.userClass()).isEqualTo(UserClass.RESTRICTED);
        assertThat(p.restricted()).isTrue();
        assertThat(p.restrictedReason()).contains("email_not_verified");
        assertThat(p.getGroups()).containsExactlyInAnyOrder("authenticated", "restricted");
    }

    @Test
    void anonymousUsersAreRejectedUnlessAllowed() {
        String token = f.tokens.anonymous().mint();
        rejected(f.verifier().verify(token), RejectionReason.ANONYMOUS_USER_NOT_ALLOWED);
        rejected(f.verifier(b -> b.allowRestrictedUsers(true)).verify(token), RejectionReason.ANONYMOUS_USER_NOT_ALLOWED);

        HexclavePrincipal p = accepted(f.verifier(b -> b.allowAnonymousUsers(true)).verify(token));
        assertThat(p.userClass()).isEqualTo(UserClass.ANONYMOUS);
        assertThat(p.anonymous()).isTrue();
        assertThat(p.restrictedReason()).contains("anonymous");
        assertThat(p.getGroups()).contains("authenticated", "anonymous");
    }

    @Test
    void allowingAnonymousUsersAlsoAllowsRestrictedOnesAsHexclaveDoes() {
        var verifier = f.verifier(b -> b.allowAnonymousUsers(true));
        accepted(verifier.verify(f.tokens.restricted().mint()));
        assertThat(verifier.settings().allowRestrictedUsers()).isTrue();
    }

    @Test
    void jwksIsRequestedWithTheUserClassesThatAreAllowed() {
        f.verifier().verify(f.tokens.normal().mint());
        f.verifier(b -> b.allowRestrictedUsers(true)).verify(f.tokens.normal().mint());
        f.verifier(b -> b.allowAnonymousUsers(true)).verify(f.tokens.normal().mint());
        // Each class's keys from its own set (the narrowest it appears in), so each key is bound to one class
        assertThat(f.jwks.queries()).containsExactlyInAnyOrder("null", "null", "include_restricted=true", "null",
                "include_restricted=true", "include_anonymous=true");
    }

    @Test
    void expiryHonoursTheConfiguredClockSkew() {
        var verifier = f.verifier(b -> b.clockSkew(Duration.ofSeconds(30)));
        accepted(verifier.verify(f.tokens.normal().expiresIn(Duration.ofSeconds(-20)).mint()));
        rejected(verifier.verify(f.tokens.normal().expiresIn(Duration.ofSeconds(-40)).mint()), RejectionReason.EXPIRED);
        var strict = f.verifier(b -> b.clockSkew(Duration.ZERO));
        rejected(strict.verify(f.tokens.normal().expiresIn(Duration.ofSeconds(-1)).mint()), RejectionReason.EXPIRED);
    }

    @Test
    void tokensIssuedInTheFutureAreRejected() {
        rejected(f.verifier().verify(f.tokens.normal().issuedIn(Duration.ofMinutes(5)).mint()), RejectionReason.NOT_YET_VALID);
        accepted(f.verifier().verify(f.tokens.normal().issuedIn(Duration.ofSeconds(10)).mint()));
    }

    @Test
    void aCachedVerificationStillExpires() {
        var verifier = f.verifier(b -> b.clockSkew(Duration.ZERO));
        String token = f.tokens.normal().expiresIn(Duration.ofSeconds(60)).mint();
        accepted(verifier.verify(token));
        accepted(verifier.verify(token));
        f.clock.advance(Duration.ofSeconds(61));
        rejected(verifier.verify(token), RejectionReason.EXPIRED);
    }

    @Test
    void legacyCamelCaseClaimsAreUnderstood() {
        String token = f.tokens.normal().without("branch_id").claim("branchId", "main")
                .without("refresh_token_id").claim("refreshTokenId", "0b5a1c0e-8f53-4e8b-a1a4-5d64f8d0c111").mint();
        HexclavePrincipal p = accepted(f.verifier().verify(token));
        assertThat(p.sessionId()).contains("0b5a1c0e-8f53-4e8b-a1a4-5d64f8d0c111");
        assertThat(p.branchId()).isEqualTo("main");
        assertThat((String) p.getClaim("refresh_token_id")).isEqualTo("0b5a1c0e-8f53-4e8b-a1a4-5d64f8d0c111");
    }

    @Test
    void missingIsRestrictedDefaultsToIsAnonymous() {
        HexclavePrincipal normal = accepted(f.verifier().verify(f.tokens.normal().without("is_restricted").mint()));
        assertThat(normal.restricted()).isFalse();

        var anonVerifier = f.verifier(b -> b.allowAnonymousUsers(true));
        HexclavePrincipal anon = accepted(anonVerifier.verify(f.tokens.anonymous().without("is_restricted")
                .without("restricted_reason").mint()));
        assertThat(anon.restricted()).isTrue();
        assertThat(anon.restrictedReason()).contains("anonymous");
    }

    @Test
    void missingIsAnonymousIsRejected() {
        rejected(f.verifier().verify(f.tokens.normal().without("is_anonymous").mint()), RejectionReason.MISSING_CLAIM);
    }

    @Test
    void branchOtherThanMainIsRejected() {
        rejected(f.verifier().verify(f.tokens.normal().claim("branch_id", "dev").mint()), RejectionReason.WRONG_BRANCH);
        rejected(f.verifier().verify(f.tokens.normal().without("branch_id").claim("branchId", "dev").mint()),
                RejectionReason.WRONG_BRANCH);
    }

    @Test
    void consistencyRulesOfTheUserClassesAreEnforced() {
        var v = f.verifier(b -> b.allowAnonymousUsers(true));
        // anonymous ⇒ restricted
        rejected(v.verify(f.tokens.anonymous().claim("is_restricted", false).claim("restricted_reason", null).mint()),
                RejectionReason.INCONSISTENT_CLAIMS);
        // restricted ⇔ restricted_reason
        rejected(v.verify(f.tokens.restricted().claim("restricted_reason", null).mint()), RejectionReason.INCONSISTENT_CLAIMS);
        rejected(v.verify(f.tokens.normal().claim("restricted_reason", Map.of("type", "email_not_verified")).mint()),
                RejectionReason.INCONSISTENT_CLAIMS);
        // :anon ⇔ is_anonymous
        rejected(v.verify(f.tokens.normal().claim("is_anonymous", true).claim("is_restricted", true)
                .claim("restricted_reason", Map.of("type", "anonymous")).mint()), RejectionReason.INCONSISTENT_CLAIMS);
        // :restricted ⇒ restricted
        rejected(v.verify(f.tokens.restricted().claim("is_restricted", false).claim("restricted_reason", null).mint()),
                RejectionReason.INCONSISTENT_CLAIMS);
        // restricted, not anonymous ⇒ :restricted audience
        rejected(v.verify(f.tokens.normal().claim("is_restricted", true)
                .claim("restricted_reason", Map.of("type", "restricted_by_administrator")).mint()),
                RejectionReason.INCONSISTENT_CLAIMS);
    }

    @Test
    void issuerMustMatchTheAudiencesUserClass() {
        var v = f.verifier(b -> b.allowAnonymousUsers(true));
        String restrictedIssuer = UserClass.RESTRICTED.issuer(f.jwks.apiUrl(), f.projectId);
        rejected(v.verify(f.tokens.normal().claim("iss", restrictedIssuer).mint()), RejectionReason.WRONG_ISSUER);
    }

    @Test
    void anotherProjectsTokenIsRejected() {
        String other = "0c9e3b0e-2222-4c4c-9999-123456789abc";
        rejected(f.verifier().verify(f.tokens.normal().claim("aud", other).mint()), RejectionReason.WRONG_AUDIENCE);
        rejected(f.verifier().verify(f.tokens.normal().claim("aud", List.of(f.projectId)).mint()), RejectionReason.WRONG_AUDIENCE);
        rejected(f.verifier().verify(f.tokens.normal().claim("project_id", other).mint()), RejectionReason.INCONSISTENT_CLAIMS);
    }

    @Test
    void credentialWithoutAccessTokenIsMissing() {
        var credential = new HexclaveCredential(CredentialSource.AUTHORIZATION, java.util.Optional.empty(),
                java.util.Optional.of(new io.quarkiverse.hexclave.config.Secret("refresh")));
        rejected(f.verifier().verify(credential), RejectionReason.MISSING);
        rejected(f.verifier().verify(""), RejectionReason.MISSING);
        rejected(f.verifier().verify((String) null), RejectionReason.MISSING);
    }

    @Test
    void signatureByAKeyNotInTheSetIsAnUnknownKeyAndAForgedOneABadSignature() {
        rejected(f.verifier().verify(f.tokens.normal().signedBy(f.foreignKey).mint()), RejectionReason.UNKNOWN_KEY);
        rejected(f.verifier().verify(f.tokens.normal().signedWithKeepingKid(f.foreignKey).mint()), RejectionReason.BAD_SIGNATURE);
    }

    @Test
    void eitherPublishedKeyVerifies() {
        accepted(f.verifier().verify(f.tokens.normal().signedBy(f.key2).mint()));
    }

    @Test
    @DisplayName("recognises tells this project's tokens from other issuers' without verifying")
    void recognisesPeeksAtTheIssuer() {
        var v = f.verifier();
        assertThat(v.recognises(AccessToken.of(f.tokens.normal().mint()))).isTrue();
        assertThat(v.recognises(AccessToken.of(f.tokens.normal().claim("iss", "https://keycloak.example.com/realms/x").mint()))).isFalse();
        assertThat(v.recognises(AccessToken.of("not.a.token"))).isFalse();
        assertThat(v.recognises(AccessToken.of(null))).isFalse();
        assertThat(f.jwks.requests()).as("peeking makes no network call").isZero();
    }

    @Test
    void verifyAsyncGivesTheSameOutcomes() throws Exception {
        var v = f.verifier();
        assertThat(v.verifyAsync(f.tokens.normal().mint()).toCompletableFuture().get().accepted()).isTrue();
        rejected(v.verifyAsync(f.tokens.normal().expiresIn(Duration.ofMinutes(-5)).mint()).toCompletableFuture().get(),
                RejectionReason.EXPIRED);
    }

    @Test
    void theSameTokenIsVerifiedOnceThenServedFromTheCache() {
        var v = f.verifier();
        String token = f.tokens.normal().mint();
        assertThat(v.verifyWithoutBlocking(token)).as("no keys yet").isEmpty();
        HexclavePrincipal first = accepted(v.verify(token));
        assertThat(v.verifyWithoutBlocking(token)).isPresent();
        assertThat(accepted(v.verify(token)).verified()).as("claims verified once, shared").isSameAs(first.verified());
        var uncached = f.verifier(b -> b.verifiedTokenCacheSize(0));
        assertThat(accepted(uncached.verify(token)).verified()).isNotSameAs(accepted(uncached.verify(token)).verified());
    }

    @Test
    void aConfiguredJcaProviderMustBeInstalled() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> f.verifier(b -> b.jcaProvider("NoSuchProvider")))
                .isInstanceOf(io.quarkiverse.hexclave.config.HexclaveConfigException.class)
                .hasMessageContaining("hexclave.jca-provider").hasMessageContaining("NoSuchProvider");
        accepted(f.verifier(b -> b.jcaProvider("SunEC")).verify(f.tokens.normal().mint()));
    }

    @Test
    void aThirdPartyProviderVerifiesAndStillRejectsForgeries() {
        if (java.security.Security.getProvider("BC") == null) {
            java.security.Security.addProvider(new org.bouncycastle.jce.provider.BouncyCastleProvider());
        }
        var bc = f.verifier(b -> b.jcaProvider("BC").verifiedTokenCacheSize(0));
        accepted(bc.verify(f.tokens.normal().mint()));
        accepted(bc.verify(f.tokens.normal().signedBy(f.key2).mint()));
        rejected(bc.verify(f.tokens.normal().signedWithKeepingKid(f.foreignKey).mint()), RejectionReason.BAD_SIGNATURE);
    }

    @Test
    void rejectionsCarryAChallengeWithoutTokenData() {
        assertThat(Challenge.unauthorized(RejectionReason.EXPIRED).wwwAuthenticate())
                .isEqualTo("Bearer error=\"invalid_token\", error_description=\"token expired\"");
        assertThat(Challenge.unauthorized(RejectionReason.MISSING).wwwAuthenticate()).isEqualTo("Bearer");
        for (RejectionReason r : RejectionReason.values()) {
            assertThat(r.description()).doesNotContain("\"").isNotBlank();
        }
    }
}
