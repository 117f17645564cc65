package io.quarkiverse.hexclave.credential;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkiverse.hexclave.verifier.Challenge;

/** The CSRF guard of cookie credentials: unsafe methods need a same-origin signal. */
class CrossSiteCheckTest {

    static final String PROJECT = "e0b52f4d-dece-408c-af49-d23061bb0f8d";
    static final String JWT = "eyJhbGciOiJFUzI1NiIsImtpZCI6ImsxIn0.eyJzdWIiOiJ1In0.c2ln";

    final HexclaveCredentials credentials = new HexclaveCredentials(PROJECT, EnumSet.allOf(CredentialSource.class));
    final HexclaveCredential cookie = HexclaveCredential.ofAccessToken(CredentialSource.COOKIE, JWT);
    final HexclaveCredential header = HexclaveCredential.ofAccessToken(CredentialSource.BEARER, JWT);

    boolean refused(HexclaveCredentials c, HexclaveCredential credential, String method, Map<String, String> headers) {
        return c.refusesCrossSite(credential, method, "https", "app.example.com", 443, RequestView.of(headers, Map.of()));
    }

    @ParameterizedTest
    @ValueSource(strings = { "GET", "HEAD", "OPTIONS", "get" })
    void safeMethodsNeedNoSignal(String method) {
        assertThat(refused(credentials, cookie, method, Map.of("Sec-Fetch-Site", "cross-site"))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = { "POST", "PUT", "PATCH", "DELETE" })
    void unsafeCookieRequestWithoutSignalIsRefused(String method) {
        assertThat(refused(credentials, cookie, method, Map.of())).isTrue();
        assertThat(refused(credentials, cookie, method, Map.of("Sec-Fetch-Site", "cross-site"))).isTrue();
        assertThat(refused(credentials, cookie, method, Map.of("Sec-Fetch-Site", "none"))).isTrue();
    }

    @Test
    void sameOriginOrSameSiteFetchMetadataPasses() {
        assertThat(refused(credentials, cookie, "POST", Map.of("Sec-Fetch-Site", "same-origin"))).isFalse();
        assertThat(refused(credentials, cookie, "POST", Map.of("Sec-Fetch-Site", "Same-Site"))).isFalse();
    }

    @Test
    void originOfTheRequestsOwnSchemeHostAndPortPasses() {
        assertThat(refused(credentials, cookie, "POST", Map.of("Origin", "https://app.example.com"))).isFalse();
        assertThat(refused(credentials, cookie, "POST", Map.of("Origin", "https://APP.example.com:443"))).isFalse();
        assertThat(credentials.refusesCrossSite(cookie, "POST", "http", "[::1]", 8080,
                RequestView.of(Map.of("Origin", "http://[::1]:8080"), Map.of()))).isFalse();
    }

    @Test
    void anotherOriginIsRefused() {
        for (String origin : new String[] { "https://evil.example.com", "http://app.example.com",
                "https://app.example.com:8443", "https://app.example.com.evil.com", "null", "garbage",
                "https://app.example.com/path" }) {
            assertThat(refused(credentials, cookie, "POST", Map.of("Origin", origin))).as(origin).isTrue();
        }
        assertThat(refused(credentials, cookie, "POST", Map.of("Origin", "https://evil.example.com",
                "Sec-Fetch-Site", "cross-site"))).isTrue();
    }

    @Test
    void headerCredentialsAreNeverChecked() {
        assertThat(refused(credentials, header, "POST", Map.of("Sec-Fetch-Site", "cross-site"))).isFalse();
    }

    @Test
    void theCheckCanBeTurnedOff() {
        HexclaveCredentials off = new HexclaveCredentials(PROJECT, EnumSet.allOf(CredentialSource.class), false);
        assertThat(refused(off, cookie, "POST", Map.of("Sec-Fetch-Site", "cross-site"))).isFalse();
    }

    @Test
    void theRefusalIsA403ThatCannotBeCached() {
        Challenge c = Challenge.crossSite();
        assertThat(c.status()).isEqualTo(403);
        assertThat(c.headers()).containsEntry("Cache-Control", "no-store").doesNotContainKey("WWW-Authenticate");
        assertThat(c.summary()).isEqualTo(Challenge.CROSS_SITE);
        assertThat(c.primaryHeader()).isEqualTo("Cache-Control");
    }
}
