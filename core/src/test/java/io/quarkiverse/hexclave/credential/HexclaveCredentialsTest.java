package io.quarkiverse.hexclave.credential;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkiverse.hexclave.config.Secret;

class HexclaveCredentialsTest {

    static final String PROJECT = "e0b52f4d-dece-408c-af49-d23061bb0f8d";
    static final String JWT = "eyJhbGciOiJFUzI1NiIsImtpZCI6ImsxIn0.eyJzdWIiOiJ1In0.c2ln";
    static final String REFRESH = "m4xq2rxk4b5w8yzz6dk1d0n2mh3x7kaa1x9p6t2h8r3s5c7v9q";

    final HexclaveCredentials credentials = new HexclaveCredentials(PROJECT, EnumSet.allOf(CredentialSource.class));

    static String sdkHeader(String prefix, String json) {
        return "Bearer " + prefix + Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    static CredentialLookup find(HexclaveCredentials c, Map<String, String> headers) {
        return c.find(RequestView.of(headers, Map.of()));
    }

    static HexclaveCredential found(CredentialLookup lookup) {
        assertThat(lookup).isInstanceOf(CredentialLookup.Found.class);
        return ((CredentialLookup.Found) lookup).credential();
    }

    static void malformed(CredentialLookup lookup) {
        assertThat(lookup).isInstanceOf(CredentialLookup.Malformed.class);
        assertThat(((CredentialLookup.Malformed) lookup).detail()).doesNotContain(JWT).doesNotContain(REFRESH);
    }

    @ParameterizedTest
    @ValueSource(strings = { "stackauth_", "hexclave_" })
    void sdkAuthorizationHeaderWithEitherPrefixGivesBothTokens(String prefix) {
        var c = found(find(credentials, Map.of("Authorization",
                sdkHeader(prefix, "{\"accessToken\":\"" + JWT + "\",\"refreshToken\":\"" + REFRESH + "\"}"))));
        assertThat(c.source()).isEqualTo(CredentialSource.AUTHORIZATION);
        assertThat(c.accessToken()).map(Secret::value).contains(JWT);
        assertThat(c.refreshToken()).map(Secret::value).contains(REFRESH);
        assertThat(c.toString()).doesNotContain(JWT).doesNotContain(REFRESH);
    }

    @Test
    void sdkHeaderWithoutPaddingAndWithNullRefreshTokenIsRead() {
        String b64 = Base64.getEncoder().withoutPadding()
                .encodeToString(("{\"accessToken\":\"" + JWT + "\",\"refreshToken\":null}").getBytes(StandardCharsets.UTF_8));
        var c = found(find(credentials, Map.of("authorization", "bearer   stackauth_" + b64 + "  ")));
        assertThat(c.accessToken()).map(Secret::value).contains(JWT);
        assertThat(c.refreshToken()).isEmpty();
    }

    @Test
    void sdkHeaderIgnoresOtherMembers() {
        var c = found(find(credentials, Map.of("Authorization",
                sdkHeader("stackauth_", "{\"accessToken\":\"" + JWT + "\",\"extra\":[1,2]}"))));
        assertThat(c.accessToken()).map(Secret::value).contains(JWT);
    }

    @Test
    void malformedSdkHeadersAreReportedNotSkipped() {
        malformed(find(credentials, Map.of("Authorization", "Bearer stackauth_")));
        malformed(find(credentials, Map.of("Authorization", "Bearer stackauth_%%%not-base64%%%")));
        malformed(find(credentials, Map.of("Authorization", sdkHeader("hexclave_", "not json"))));
        malformed(find(credentials, Map.of("Authorization", sdkHeader("hexclave_", "[\"" + JWT + "\"]"))));
        malformed(find(credentials, Map.of("Authorization", sdkHeader("hexclave_", "null"))));
        malformed(find(credentials, Map.of("Authorization", sdkHeader("hexclave_", "{\"accessToken\":42}"))));
        malformed(find(credentials, Map.of("Authorization", sdkHeader("hexclave_", "{\"refreshToken\":{}}"))));
        malformed(find(credentials, Map.of("Authorization", "Bearer stackauth_" + "A".repeat(20_000))));
    }

    @Test
    void rawBearerJwtIsAnAccessToken() {
        var c = found(find(credentials, Map.of("Authorization", "Bearer " + JWT)));
        assertThat(c.source()).isEqualTo(CredentialSource.BEARER);
        assertThat(c.accessToken()).map(Secret::value).contains(JWT);
        assertThat(c.refreshToken()).isEmpty();
    }

    @Test
    void foreignAuthorizationSchemesAndOpaqueBearerTokensAreNotOurs() {
        assertThat(find(credentials, Map.of("Authorization", "Basic dXNlcjpwYXNz"))).isInstanceOf(CredentialLookup.Absent.class);
        assertThat(find(credentials, Map.of("Authorization", "Bearer opaque-oauth-token"))).isInstanceOf(CredentialLookup.Absent.class);
        assertThat(find(credentials, Map.of("Authorization", "Bearer"))).isInstanceOf(CredentialLookup.Absent.class);
        assertThat(find(credentials, Map.of("Authorization", "BearerX " + JWT))).isInstanceOf(CredentialLookup.Absent.class);
        assertThat(find(credentials, Map.of())).isInstanceOf(CredentialLookup.Absent.class);
    }

    @Test
    void accessTokenHeadersPreferTheHexclaveName() {
        var c = found(find(credentials, Map.of("x-stack-access-token", "legacy", "X-Hexclave-Access-Token", JWT,
                "x-stack-refresh-token", REFRESH)));
        assertThat(c.source()).isEqualTo(CredentialSource.ACCESS_TOKEN_HEADER);
        assertThat(c.accessToken()).map(Secret::value).contains(JWT);
        assertThat(c.refreshToken()).map(Secret::value).contains(REFRESH);

        var legacy = found(find(credentials, Map.of("x-stack-access-token", JWT)));
        assertThat(legacy.accessToken()).map(Secret::value).contains(JWT);
    }

    @Test
    void legacyXStackAuthJsonHeaderIsRead() {
        var c = found(find(credentials, Map.of("x-stack-auth", "{\"accessToken\":\"" + JWT + "\",\"refreshToken\":\"" + REFRESH + "\"}")));
        assertThat(c.source()).isEqualTo(CredentialSource.X_STACK_AUTH);
        assertThat(c.accessToken()).map(Secret::value).contains(JWT);
        malformed(find(credentials, Map.of("x-stack-auth", "{broken")));
    }

    @Test
    void sourcesAreTriedInTheOrderOfTheReference() {
        Map<String, String> all = new HashMap<>();
        all.put("Authorization", sdkHeader("stackauth_", "{\"accessToken\":\"sdk\"}"));
        all.put("x-hexclave-access-token", "header");
        all.put("x-stack-auth", "{\"accessToken\":\"legacy\"}");
        assertThat(found(find(credentials, all)).source()).isEqualTo(CredentialSource.AUTHORIZATION);
        all.remove("Authorization");
        assertThat(found(find(credentials, all)).source()).isEqualTo(CredentialSource.ACCESS_TOKEN_HEADER);
        all.remove("x-hexclave-access-token");
        assertThat(found(find(credentials, all)).source()).isEqualTo(CredentialSource.X_STACK_AUTH);
    }

    @Test
    void switchedOffSourcesAreSkipped() {
        var onlyHeader = new HexclaveCredentials(PROJECT, Set.of(CredentialSource.ACCESS_TOKEN_HEADER));
        assertThat(find(onlyHeader, Map.of("Authorization", "Bearer " + JWT))).isInstanceOf(CredentialLookup.Absent.class);
        assertThat(find(onlyHeader, Map.of("Authorization", "Bearer stackauth_"))).isInstanceOf(CredentialLookup.Absent.class);
        assertThat(found(find(onlyHeader, Map.of("Authorization", "Bearer " + JWT, "x-stack-access-token", JWT))).source())
                .isEqualTo(CredentialSource.ACCESS_TOKEN_HEADER);
        var noBearer = new HexclaveCredentials(PROJECT, EnumSet.complementOf(EnumSet.of(CredentialSource.BEARER)));
        assertThat(find(noBearer, Map.of("Authorization", "Bearer " + JWT))).isInstanceOf(CredentialLookup.Absent.class);
    }

    // --- cookies ----------------------------------------------------------------------------------------------

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    static String accessCookie(String refresh, String access) {
        return enc("[\"" + refresh + "\",\"" + access + "\"]");
    }

    static String refreshCookie(String refresh, long updated) {
        return enc("{\"refresh_token\":\"" + refresh + "\",\"updated_at_millis\":" + updated + "}");
    }

    CredentialLookup cookies(Map<String, String> cookies) {
        return credentials.find(RequestView.of(Map.of(), cookies));
    }

    @Test
    void accessCookieIsTrustedWhenItMatchesTheProjectsRefreshCookie() {
        var c = found(cookies(Map.of("hexclave-access", accessCookie(REFRESH, JWT),
                "hexclave-refresh-" + PROJECT + "--default", refreshCookie(REFRESH, 1))));
        assertThat(c.source()).isEqualTo(CredentialSource.COOKIE);
        assertThat(c.accessToken()).map(Secret::value).contains(JWT);
        assertThat(c.refreshToken()).map(Secret::value).contains(REFRESH);
    }

    @Test
    void hostPrefixedAndUnencodedCookiesAreReadToo() {
        var c = found(cookies(Map.of("stack-access", "[\"" + REFRESH + "\",\"" + JWT + "\"]",
                "__Host-hexclave-refresh-" + PROJECT + "--default", "{\"refresh_token\":\"" + REFRESH + "\",\"updated_at_millis\":5}")));
        assertThat(c.accessToken()).map(Secret::value).contains(JWT);
    }

    @Test
    void theNewestStructuredRefreshCookieIsSelected() {
        var c = found(cookies(Map.of("hexclave-access", accessCookie("newest", JWT),
                "hexclave-refresh-" + PROJECT + "--default", refreshCookie("older", 100),
                "hexclave-refresh-" + PROJECT + "--custom-mfrggzdfmztwq2lk", refreshCookie("newest", 200))));
        assertThat(c.refreshToken()).map(Secret::value).contains("newest");
        assertThat(cookies(Map.of("hexclave-access", accessCookie("older", JWT),
                "hexclave-refresh-" + PROJECT + "--default", refreshCookie("older", 100),
                "hexclave-refresh-" + PROJECT + "--custom-x", refreshCookie("newest", 200))))
                .as("an access cookie of an older session is not trusted").isInstanceOf(CredentialLookup.Absent.class);
    }

    @Test
    void hostPrefixedRefreshCookieWinsOverANewerPlantedPlainOne() {
        // A sibling subdomain can plant hexclave-refresh-…; only the site itself can set __Host- cookies.
        Map<String, String> tossed = Map.of("hexclave-access", accessCookie("victim", JWT),
                "__Host-hexclave-refresh-" + PROJECT + "--default", refreshCookie("victim", 100),
                "hexclave-refresh-" + PROJECT + "--default", refreshCookie("attacker", Long.MAX_VALUE));
        assertThat(found(cookies(tossed)).refreshToken()).map(Secret::value).contains("victim");
        assertThat(credentials.selectRefreshToken(tossed)).contains("victim");

        Map<String, String> attackersAccess = Map.of("hexclave-access", accessCookie("attacker", JWT),
                "__Host-hexclave-refresh-" + PROJECT + "--default", refreshCookie("victim", 100),
                "hexclave-refresh-" + PROJECT + "--custom-x", refreshCookie("attacker", Long.MAX_VALUE));
        assertThat(cookies(attackersAccess)).as("the planted session is never selected")
                .isInstanceOf(CredentialLookup.Absent.class);
    }

    @Test
    void hostPrefixedLegacyRefreshCookieWinsOverPlantedPlainAndUnprefixedOnes() {
        Map<String, String> tossed = Map.of("stack-refresh-" + PROJECT, "attacker",
                "hexclave-refresh-" + PROJECT + "--default", refreshCookie("attacker", Long.MAX_VALUE),
                "__Host-stack-refresh-" + PROJECT + "--default", refreshCookie("victim", 1));
        assertThat(credentials.selectRefreshToken(tossed)).contains("victim");
        Map<String, String> both = Map.of("__Host-hexclave-refresh-" + PROJECT + "--default", refreshCookie("current", 1),
                "__Host-stack-refresh-" + PROJECT + "--default", refreshCookie("legacy", 999));
        assertThat(credentials.selectRefreshToken(both)).contains("current");
    }

    @Test
    void legacyPlainThenLegacyStructuredRefreshCookiesAreFallbacks() {
        assertThat(found(cookies(Map.of("stack-access", accessCookie("plain", JWT), "stack-refresh-" + PROJECT, "plain",
                "stack-refresh-" + PROJECT + "--default", refreshCookie("structured", 9)))).refreshToken())
                .map(Secret::value).contains("plain");
        assertThat(found(cookies(Map.of("stack-access", accessCookie("any", JWT), "stack-refresh", "any"))).accessToken())
                .isPresent();
        assertThat(found(cookies(Map.of("stack-access", accessCookie("structured", JWT),
                "__Host-stack-refresh-" + PROJECT + "--default", refreshCookie("structured", 9)))).accessToken()).isPresent();
    }

    @Test
    void accessCookieWithoutMatchingRefreshCookieIsIgnored() {
        assertThat(cookies(Map.of("hexclave-access", accessCookie(REFRESH, JWT)))).isInstanceOf(CredentialLookup.Absent.class);
        assertThat(cookies(Map.of("hexclave-access", accessCookie(REFRESH, JWT),
                "hexclave-refresh-another-project--default", refreshCookie(REFRESH, 1)))).isInstanceOf(CredentialLookup.Absent.class);
    }

    @Test
    void malformedAccessCookieIsReported() {
        malformed(cookies(Map.of("hexclave-access", "not-json")));
        malformed(cookies(Map.of("hexclave-access", enc("[\"only-one\"]"))));
        malformed(cookies(Map.of("hexclave-access", enc("{\"a\":1}"))));
    }

    @Test
    void authJsonFromANonHttpCallerIsRead() {
        var c = found(HexclaveCredentials.fromAuthJson("{\"accessToken\":\"" + JWT + "\",\"refreshToken\":\"" + REFRESH + "\"}"));
        assertThat(c.source()).isEqualTo(CredentialSource.AUTH_JSON);
        assertThat(c.accessToken()).map(Secret::value).contains(JWT);
        malformed(HexclaveCredentials.fromAuthJson("[]"));
        malformed(HexclaveCredentials.fromAuthJson(null));
    }

    @Test
    void credentialSourcesHaveConfigNames() {
        assertThat(CredentialSource.fromConfigName("bearer")).isEqualTo(CredentialSource.BEARER);
        assertThat(CredentialSource.fromConfigName("ACCESS_TOKEN_HEADER")).isEqualTo(CredentialSource.ACCESS_TOKEN_HEADER);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> CredentialSource.fromConfigName("carrier-pigeon"))
                .hasMessageContaining("carrier-pigeon").hasMessageContaining("cookie");
    }
}
