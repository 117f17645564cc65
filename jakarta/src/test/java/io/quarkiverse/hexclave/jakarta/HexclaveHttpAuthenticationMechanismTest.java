package io.quarkiverse.hexclave.jakarta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import jakarta.security.enterprise.AuthenticationException;
import jakarta.security.enterprise.AuthenticationStatus;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.quarkiverse.hexclave.credential.CredentialSource;
import io.quarkiverse.hexclave.credential.HexclaveCredentials;
import io.quarkiverse.hexclave.verifier.AccessToken;
import io.quarkiverse.hexclave.verifier.Challenge;
import io.quarkiverse.hexclave.verifier.HexclavePrincipal;
import io.quarkiverse.hexclave.verifier.KeysUnavailableException;
import io.quarkiverse.hexclave.verifier.RejectionReason;
import io.quarkiverse.hexclave.verifier.UserClass;
import io.quarkiverse.hexclave.verifier.UserClassPolicy;
import io.quarkiverse.hexclave.verifier.Verification;

class HexclaveHttpAuthenticationMechanismTest {

    static final String PROJECT = "e0b52f4d-dece-408c-af49-d23061bb0f8d";
    static final String TOKEN = "eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl";

    final List<AccessToken> verified = new ArrayList<>();
    final FakeHttp http = new FakeHttp();

    HexclaveHttpAuthenticationMechanism mechanism(Function<AccessToken, Verification> verifier) {
        return new HexclaveHttpAuthenticationMechanism(
                new HexclaveCredentials(PROJECT, Set.of(CredentialSource.values())),
                new StubVerifier(token -> {
                    verified.add(token);
                    return verifier.apply(token);
                }, token -> true));
    }

    AuthenticationStatus authenticate(Function<AccessToken, Verification> verifier) throws AuthenticationException {
        return mechanism(verifier).validateRequest(http.request(), http.response(), http.context());
    }

    static Verification accept(AccessToken token) {
        return new Verification.Accepted(EmulatedPrincipals.principal(UserClass.NORMAL));
    }

    @Test
    void requestWithoutCredentialToPublicResourceContinuesUnauthenticated() throws AuthenticationException {
        AuthenticationStatus status = authenticate(HexclaveHttpAuthenticationMechanismTest::accept);

        assertThat(status).isEqualTo(AuthenticationStatus.NOT_DONE);
        assertThat(http.status).isNull();
        assertThat(http.loggedIn).isNull();
        assertThat(verified).isEmpty();
    }

    @Test
    void requestWithoutCredentialToProtectedResourceGetsPlainBearerChallenge() throws AuthenticationException {
        http.protectedResource();

        AuthenticationStatus status = authenticate(HexclaveHttpAuthenticationMechanismTest::accept);

        assertThat(status).isEqualTo(AuthenticationStatus.SEND_FAILURE);
        assertThat(http.status).isEqualTo(401);
        assertThat(http.responseHeaders).containsEntry("WWW-Authenticate", "Bearer");
    }

    @Test
    void programmaticAuthenticateWithoutCredentialGetsPlainBearerChallenge() throws AuthenticationException {
        http.authenticationRequest = true;

        assertThat(authenticate(HexclaveHttpAuthenticationMechanismTest::accept)).isEqualTo(AuthenticationStatus.SEND_FAILURE);
        assertThat(http.status).isEqualTo(401);
        assertThat(http.responseHeaders).containsEntry("WWW-Authenticate", "Bearer");
    }

    @Test
    void foreignBearerTokenIsLeftToOtherMechanisms() throws AuthenticationException {
        http.header("Authorization", "Bearer opaque-token-of-another-issuer");

        assertThat(authenticate(HexclaveHttpAuthenticationMechanismTest::accept)).isEqualTo(AuthenticationStatus.NOT_DONE);
        assertThat(verified).isEmpty();
    }

    @Test
    void bearerJwtOfAnotherIssuerIsLeftAloneOnPublicAndChallengedPlainlyOnProtectedResources()
            throws AuthenticationException {
        var mechanism = new HexclaveHttpAuthenticationMechanism(
                new HexclaveCredentials(PROJECT, Set.of(CredentialSource.values())),
                new StubVerifier(token -> {
                    verified.add(token);
                    return accept(token);
                }, token -> false));
        http.header("Authorization", "Bearer " + TOKEN);

        assertThat(mechanism.validateRequest(http.request(), http.response(), http.context()))
                .isEqualTo(AuthenticationStatus.NOT_DONE);
        assertThat(verified).as("never verified, never rejected").isEmpty();
        assertThat(http.status).isNull();

        http.protectedResource();
        assertThat(mechanism.validateRequest(http.request(), http.response(), http.context()))
                .isEqualTo(AuthenticationStatus.SEND_FAILURE);
        assertThat(http.responseHeaders).containsEntry("WWW-Authenticate", "Bearer");
    }

    @Test
    void oversizedBearerJwtIsNotOursEither() throws AuthenticationException {
        http.header("Authorization", "Bearer ey" + "A".repeat(20_000) + ".e30.sig");

        assertThat(authenticate(HexclaveHttpAuthenticationMechanismTest::accept)).isEqualTo(AuthenticationStatus.NOT_DONE);
        assertThat(http.status).isNull();
    }

    @Test
    void anUnexpectedVerifierFailureIsA401NeverA500() throws AuthenticationException {
        http.header("x-hexclave-access-token", TOKEN);

        AuthenticationStatus status = authenticate(c -> {
            throw new IllegalStateException("boom with " + TOKEN);
        });

        assertThat(status).isEqualTo(AuthenticationStatus.SEND_FAILURE);
        assertThat(http.status).isEqualTo(401);
        assertThat(http.responseHeaders.get("WWW-Authenticate")).contains("malformed token").doesNotContain(TOKEN);
    }

    @Test
    void acceptedTokenLogsTheHexclavePrincipalInWithItsGroups() throws AuthenticationException {
        http.header("Authorization", "Bearer " + TOKEN).protectedResource();

        AuthenticationStatus status = authenticate(HexclaveHttpAuthenticationMechanismTest::accept);

        assertThat(status).isEqualTo(AuthenticationStatus.SUCCESS);
        assertThat(http.loggedIn).isInstanceOf(HexclavePrincipal.class);
        assertThat(http.loggedIn.getName()).isEqualTo(((HexclavePrincipal) http.loggedIn).userId());
        assertThat(http.loggedInGroups).containsExactly("authenticated");
        assertThat(http.attributes).containsEntry(HexclaveHttpAuthenticationMechanism.PRINCIPAL_ATTRIBUTE, http.loggedIn);
        assertThat(verified).singleElement().satisfies(t -> assertThat(t.raw()).isEqualTo(TOKEN));
    }

    @Test
    void restrictedPrincipalGetsTheRestrictedGroupToo() throws AuthenticationException {
        http.header("x-hexclave-access-token", TOKEN);
        var mechanism = new HexclaveHttpAuthenticationMechanism(
                new HexclaveCredentials(PROJECT, Set.of(CredentialSource.values())),
                new StubVerifier(c -> new Verification.Accepted(EmulatedPrincipals.principal(UserClass.RESTRICTED)),
                        token -> true, UserClassPolicy.of(true, false)));

        mechanism.validateRequest(http.request(), http.response(), http.context());

        assertThat(http.loggedInGroups).containsExactlyInAnyOrder("authenticated", "restricted");
    }

    @Test
    void sdkAuthorizationHeaderIsDecodedBeforeVerification() throws AuthenticationException {
        String json = "{\"accessToken\":\"" + TOKEN + "\",\"refreshToken\":\"refresh-1\"}";
        http.header("Authorization", "Bearer stackauth_" + Base64.getEncoder().encodeToString(json.getBytes()));

        assertThat(authenticate(HexclaveHttpAuthenticationMechanismTest::accept)).isEqualTo(AuthenticationStatus.SUCCESS);
        assertThat(verified).singleElement().satisfies(t -> assertThat(t.raw()).isEqualTo(TOKEN));
    }

    @Test
    void malformedAuthorizationHeaderGets401InvalidTokenWithoutVerifying() throws AuthenticationException {
        http.header("Authorization", "Bearer stackauth_%%%not-base64%%%");

        AuthenticationStatus status = authenticate(HexclaveHttpAuthenticationMechanismTest::accept);

        assertThat(status).isEqualTo(AuthenticationStatus.SEND_FAILURE);
        assertThat(http.status).isEqualTo(401);
        assertThat(http.responseHeaders.get("WWW-Authenticate"))
                .isEqualTo("Bearer error=\"invalid_token\", error_description=\"malformed token\"");
        assertThat(verified).isEmpty();
        assertThat(http.loggedIn).isNull();
    }

    @ParameterizedTest
    @EnumSource(value = RejectionReason.class, names = "MISSING", mode = EnumSource.Mode.EXCLUDE)
    void rejectedTokenGets401WithTheReasonAndNothingOfTheToken(RejectionReason reason) throws AuthenticationException {
        http.header("Authorization", "Bearer " + TOKEN);

        AuthenticationStatus status = authenticate(c -> Verification.Rejected.of(reason));

        assertThat(status).isEqualTo(AuthenticationStatus.SEND_FAILURE);
        assertThat(http.status).isEqualTo(401);
        assertThat(http.responseHeaders.get("WWW-Authenticate")).isEqualTo(Challenge.unauthorized(reason).wwwAuthenticate())
                .contains("invalid_token").doesNotContain(TOKEN).doesNotContain("eyJ");
        assertThat(http.responseHeaders).containsEntry("Cache-Control", "no-store");
        assertThat(http.loggedIn).isNull();
        assertThat(http.attributes).doesNotContainKey(HexclaveHttpAuthenticationMechanism.PRINCIPAL_ATTRIBUTE)
                .containsEntry(HexclaveHttpAuthenticationMechanism.CHALLENGE_ATTRIBUTE, Challenge.unauthorized(reason));
    }

    @Test
    void rejectedTokenIsRejectedOnPublicResourcesToo() throws AuthenticationException {
        http.header("Authorization", "Bearer " + TOKEN);

        authenticate(c -> Verification.Rejected.of(RejectionReason.EXPIRED));

        assertThat(http.status).isEqualTo(401);
        assertThat(http.responseHeaders.get("WWW-Authenticate")).contains("token expired");
    }

    @Test
    void refreshTokenWithoutAccessTokenCountsAsNoCredential() throws AuthenticationException {
        http.header("x-stack-auth", "{\"accessToken\":null,\"refreshToken\":\"refresh-1\"}");

        AuthenticationStatus status = authenticate(c -> Verification.Rejected.of(RejectionReason.MISSING));

        assertThat(status).isEqualTo(AuthenticationStatus.NOT_DONE);
        assertThat(http.status).isNull();
    }

    @Test
    void unavailableSigningKeysGet503NotA401() throws AuthenticationException {
        http.header("Authorization", "Bearer " + TOKEN).protectedResource();

        AuthenticationStatus status = authenticate(c -> {
            throw new KeysUnavailableException("JWKS endpoint answered 500");
        });

        assertThat(status).isEqualTo(AuthenticationStatus.SEND_FAILURE);
        assertThat(http.status).isEqualTo(503);
        assertThat(http.responseHeaders).containsKey("Retry-After").doesNotContainKey("WWW-Authenticate");
        assertThat(http.loggedIn).isNull();
    }

    @Test
    void accessCookieIsTrustedOnlyWithTheMatchingRefreshCookie() throws AuthenticationException {
        http.cookie("hexclave-access", "%5B%22refresh-1%22%2C%22" + TOKEN + "%22%5D")
                .cookie("hexclave-refresh-" + PROJECT + "--default",
                        "%7B%22refresh_token%22%3A%22refresh-1%22%2C%22updated_at_millis%22%3A1%7D");

        assertThat(authenticate(HexclaveHttpAuthenticationMechanismTest::accept)).isEqualTo(AuthenticationStatus.SUCCESS);
        assertThat(verified).singleElement().satisfies(t -> assertThat(t.raw()).isEqualTo(TOKEN));
    }

    FakeHttp sessionCookies() {
        return http.cookie("hexclave-access", "%5B%22refresh-1%22%2C%22" + TOKEN + "%22%5D")
                .cookie("hexclave-refresh-" + PROJECT + "--default",
                        "%7B%22refresh_token%22%3A%22refresh-1%22%2C%22updated_at_millis%22%3A1%7D");
    }

    static Verification expired(AccessToken token) {
        return Verification.Rejected.of(RejectionReason.EXPIRED);
    }

    @Test
    void expiredCookieTokenOnPublicResourceContinuesUnauthenticated() throws AuthenticationException {
        sessionCookies();

        assertThat(authenticate(HexclaveHttpAuthenticationMechanismTest::expired)).isEqualTo(AuthenticationStatus.NOT_DONE);
        assertThat(http.status).isNull();
        assertThat(http.responseHeaders).isEmpty();
        assertThat(http.loggedIn).isNull();
    }

    @Test
    void expiredCookieTokenOnProtectedResourceGets401WithTheReason() throws AuthenticationException {
        sessionCookies().protectedResource();

        assertThat(authenticate(HexclaveHttpAuthenticationMechanismTest::expired))
                .isEqualTo(AuthenticationStatus.SEND_FAILURE);
        assertThat(http.status).isEqualTo(401);
        assertThat(http.responseHeaders).containsEntry("WWW-Authenticate",
                Challenge.unauthorized(RejectionReason.EXPIRED).wwwAuthenticate());
    }

    @Test
    void garbageAccessCookieOnPublicResourceContinuesUnauthenticatedWithoutVerifying() throws AuthenticationException {
        http.cookie("hexclave-access", "not-json");

        assertThat(authenticate(HexclaveHttpAuthenticationMechanismTest::accept)).isEqualTo(AuthenticationStatus.NOT_DONE);
        assertThat(http.status).isNull();
        assertThat(verified).isEmpty();
    }

    @Test
    void garbageAccessCookieOnProtectedResourceGets401Malformed() throws AuthenticationException {
        http.cookie("hexclave-access", "not-json").protectedResource();

        assertThat(authenticate(HexclaveHttpAuthenticationMechanismTest::accept))
                .isEqualTo(AuthenticationStatus.SEND_FAILURE);
        assertThat(http.status).isEqualTo(401);
        assertThat(http.responseHeaders).containsEntry("WWW-Authenticate",
                Challenge.unauthorized(RejectionReason.MALFORMED).wwwAuthenticate());
    }

    @Test
    void cookieOnPublicResourceWhileKeysAreUnavailableContinuesUnauthenticated() throws AuthenticationException {
        sessionCookies();

        assertThat(authenticate(token -> {
            throw new KeysUnavailableException("down");
        })).isEqualTo(AuthenticationStatus.NOT_DONE);
        assertThat(http.status).isNull();
    }

    @Test
    void expiredTokenInTheAuthorizationHeaderIsStillRefusedOnPublicResources() throws AuthenticationException {
        http.header("Authorization", "Bearer " + TOKEN);

        assertThat(authenticate(HexclaveHttpAuthenticationMechanismTest::expired))
                .isEqualTo(AuthenticationStatus.SEND_FAILURE);
        assertThat(http.status).isEqualTo(401);
    }

    @Test
    void crossSitePostWithCookieCredentialGets403WithoutVerifying() throws AuthenticationException {
        sessionCookies().header("Sec-Fetch-Site", "cross-site").header("Origin", "https://evil.example.com");
        http.method = "POST";

        assertThat(authenticate(HexclaveHttpAuthenticationMechanismTest::accept))
                .isEqualTo(AuthenticationStatus.SEND_FAILURE);
        assertThat(http.status).isEqualTo(403);
        assertThat(http.responseHeaders).containsEntry("Cache-Control", "no-store").doesNotContainKey("WWW-Authenticate");
        assertThat(http.attributes).containsEntry(HexclaveHttpAuthenticationMechanism.CHALLENGE_ATTRIBUTE,
                Challenge.crossSite());
        assertThat(http.loggedIn).isNull();
        assertThat(verified).isEmpty();
    }

    @Test
    void sameOriginPostWithCookieCredentialIsAuthenticated() throws AuthenticationException {
        sessionCookies().header("Origin", "https://app.example.com");
        http.method = "POST";

        assertThat(authenticate(HexclaveHttpAuthenticationMechanismTest::accept)).isEqualTo(AuthenticationStatus.SUCCESS);

        http.requestHeaders.remove("Origin");
        http.header("Sec-Fetch-Site", "same-origin");
        assertThat(authenticate(HexclaveHttpAuthenticationMechanismTest::accept)).isEqualTo(AuthenticationStatus.SUCCESS);
    }

    @Test
    void crossSiteGetWithCookieAndCrossSitePostWithHeaderAreNotRefused() throws AuthenticationException {
        sessionCookies().header("Sec-Fetch-Site", "cross-site");
        assertThat(authenticate(HexclaveHttpAuthenticationMechanismTest::accept)).isEqualTo(AuthenticationStatus.SUCCESS);

        FakeHttp post = new FakeHttp().header("Authorization", "Bearer " + TOKEN).header("Sec-Fetch-Site", "cross-site");
        post.method = "POST";
        assertThat(mechanism(HexclaveHttpAuthenticationMechanismTest::accept)
                .validateRequest(post.request(), post.response(), post.context())).isEqualTo(AuthenticationStatus.SUCCESS);
    }
}
