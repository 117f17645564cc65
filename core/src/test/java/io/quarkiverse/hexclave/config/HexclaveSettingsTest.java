package io.quarkiverse.hexclave.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkiverse.hexclave.credential.CredentialSource;

class HexclaveSettingsTest {

    static final String PROJECT = "e0b52f4d-dece-408c-af49-d23061bb0f8d";

    @Test
    void defaultsPointAtTheHostedServiceAndAcceptBothIssuerHosts() {
        HexclaveSettings s = HexclaveSettings.builder(PROJECT).build();
        assertThat(s.apiUrl()).isEqualTo("https://api.hexclave.com");
        assertThat(s.apiBaseUrl()).isEqualTo("https://api.hexclave.com/api/v1");
        assertThat(s.issuerOrigins()).containsExactly("https://api.hexclave.com", "https://api.stack-auth.com");
        assertThat(s.jwksUri()).hasToString("https://api.hexclave.com/api/v1/projects/" + PROJECT + "/.well-known/jwks.json");
        assertThat(s.allowRestrictedUsers()).isFalse();
        assertThat(s.allowAnonymousUsers()).isFalse();
        assertThat(s.clockSkew()).isEqualTo(Duration.ofSeconds(30));
        assertThat(s.jwksCacheTime()).isEqualTo(Duration.ofHours(1));
        assertThat(s.credentialSources()).as("cookies are opt-in").doesNotContain(CredentialSource.COOKIE)
                .containsExactlyInAnyOrder(CredentialSource.AUTHORIZATION, CredentialSource.BEARER,
                        CredentialSource.ACCESS_TOKEN_HEADER, CredentialSource.X_STACK_AUTH, CredentialSource.AUTH_JSON);
        assertThat(s.jcaProvider()).isEmpty();
    }

    @Test
    void theLegacyHostMapsToTheNewOneAndSelfHostedOriginsStandAlone() {
        assertThat(HexclaveSettings.builder(PROJECT).apiUrl("https://api.stack-auth.com/").build().issuerOrigins())
                .containsExactly("https://api.stack-auth.com", "https://api.hexclave.com");
        assertThat(HexclaveSettings.builder(PROJECT).apiUrl("https://api.dev.hexclave.com").build().issuerOrigins())
                .containsExactly("https://api.dev.hexclave.com", "https://api.dev.stack-auth.com");
        HexclaveSettings self = HexclaveSettings.builder(PROJECT).apiUrl("http://localhost:8102/api/v1/").build();
        assertThat(self.apiUrl()).isEqualTo("http://localhost:8102");
        assertThat(self.issuerOrigins()).containsExactly("http://localhost:8102");
        HexclaveSettings proxied = HexclaveSettings.builder(PROJECT).apiUrl("https://gateway.internal/hexclave")
                .issuerOrigins(List.of("https://auth.example.com/")).build();
        assertThat(proxied.apiBaseUrl()).isEqualTo("https://gateway.internal/hexclave/api/v1");
        assertThat(proxied.issuerOrigins()).containsExactly("https://auth.example.com");
    }

    @Test
    void jwksAsksForRestrictedOrAnonymousKeysOnlyWhenAllowed() {
        assertThat(HexclaveSettings.builder(PROJECT).allowRestrictedUsers(true).build().jwksUri().getQuery())
                .isEqualTo("include_restricted=true");
        assertThat(HexclaveSettings.builder(PROJECT).allowAnonymousUsers(true).build().jwksUri().getQuery())
                .isEqualTo("include_anonymous=true");
    }

    @Test
    void aMissingProjectIdNamesTheKeyAndTheVariable() {
        assertThatThrownBy(() -> HexclaveSettings.from(ConfigLookup.of(Map.of())))
                .isInstanceOf(HexclaveConfigException.class)
                .hasMessageContaining("hexclave.project-id").hasMessageContaining("HEXCLAVE_PROJECT_ID");
        assertThatThrownBy(() -> HexclaveSettings.builder("  ").build()).isInstanceOf(HexclaveConfigException.class);
    }

    @Test
    void aMalformedProjectIdIsAClearErrorThatDoesNotEchoIt() {
        assertThatThrownBy(() -> HexclaveSettings.builder("ssk_oops-this-is-the-secret-key").build())
                .isInstanceOf(HexclaveConfigException.class).hasMessageContaining("malformed")
                .hasMessageNotContaining("ssk_oops");
        assertThat(HexclaveSettings.builder("internal").build().projectId()).isEqualTo("internal");
        assertThat(HexclaveSettings.builder(PROJECT.toUpperCase()).build().projectId()).isEqualTo(PROJECT);
    }

    @Test
    void badUrlsAndValuesNameTheirKey() {
        assertThatThrownBy(() -> HexclaveSettings.builder(PROJECT).apiUrl("ftp://x").build()).hasMessageContaining("hexclave.api-url");
        assertThatThrownBy(() -> HexclaveSettings.builder(PROJECT).apiUrl("https://x/?a=b").build()).hasMessageContaining("hexclave.api-url");
        assertThatThrownBy(() -> HexclaveSettings.from(ConfigLookup.of(Map.of("hexclave.project-id", PROJECT,
                "hexclave.clock-skew", "soon")))).hasMessageContaining("hexclave.clock-skew");
        assertThatThrownBy(() -> HexclaveSettings.from(ConfigLookup.of(Map.of("hexclave.project-id", PROJECT,
                "hexclave.allow-anonymous-users", "yes")))).hasMessageContaining("hexclave.allow-anonymous-users");
        assertThatThrownBy(() -> HexclaveSettings.from(ConfigLookup.of(Map.of("hexclave.project-id", PROJECT,
                "hexclave.credential-sources", "bearer,smoke-signals")))).hasMessageContaining("hexclave.credential-sources");
        assertThatThrownBy(() -> HexclaveSettings.builder(PROJECT).readTimeout(Duration.ZERO).build())
                .hasMessageContaining("hexclave.http.read-timeout");
    }

    @Test
    void everyKeyIsReadFromConfig() {
        HexclaveSettings s = HexclaveSettings.from(ConfigLookup.of(Map.ofEntries(
                Map.entry("hexclave.project-id", PROJECT),
                Map.entry("hexclave.api-url", "http://127.0.0.1:8102"),
                Map.entry("hexclave.issuer-origins", "http://127.0.0.1:8102, https://auth.example.com"),
                Map.entry("hexclave.secret-server-key", "ssk_server"),
                Map.entry("hexclave.publishable-client-key", "pck_client"),
                Map.entry("hexclave.allow-restricted-users", "true"),
                Map.entry("hexclave.allow-anonymous-users", "false"),
                Map.entry("hexclave.clock-skew", "5s"),
                Map.entry("hexclave.jwks.cache-time", "PT10M"),
                Map.entry("hexclave.jwks.refresh-cooldown", "1m"),
                Map.entry("hexclave.http.connect-timeout", "250ms"),
                Map.entry("hexclave.http.read-timeout", "3"),
                Map.entry("hexclave.jca-provider", "SunEC"),
                Map.entry("hexclave.credential-sources", "bearer,access-token-header"),
                Map.entry("hexclave.verified-token-cache-size", "0"),
                Map.entry("hexclave.client.max-retries", "5"))));
        assertThat(s.apiUrl()).isEqualTo("http://127.0.0.1:8102");
        assertThat(s.issuerOrigins()).containsExactly("http://127.0.0.1:8102", "https://auth.example.com");
        assertThat(s.secretServerKey()).map(Secret::value).contains("ssk_server");
        assertThat(s.publishableClientKey()).contains("pck_client");
        assertThat(s.allowRestrictedUsers()).isTrue();
        assertThat(s.clockSkew()).isEqualTo(Duration.ofSeconds(5));
        assertThat(s.jwksCacheTime()).isEqualTo(Duration.ofMinutes(10));
        assertThat(s.jwksRefreshCooldown()).isEqualTo(Duration.ofMinutes(1));
        assertThat(s.connectTimeout()).isEqualTo(Duration.ofMillis(250));
        assertThat(s.readTimeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(s.jcaProvider()).contains("SunEC");
        assertThat(s.credentialSources()).containsExactlyInAnyOrder(CredentialSource.BEARER, CredentialSource.ACCESS_TOKEN_HEADER);
        assertThat(s.verifiedTokenCacheSize()).isZero();
        assertThat(s.maxRetries()).isEqualTo(5);
    }

    @Test
    void theHexclaveCliEnvironmentVariablesAreEnough() {
        HexclaveSettings s = HexclaveSettings.from(ConfigLookup.environment(Map.of(
                "HEXCLAVE_PROJECT_ID", PROJECT,
                "HEXCLAVE_SECRET_SERVER_KEY", "ssk_from_cli",
                "HEXCLAVE_PUBLISHABLE_CLIENT_KEY", "pck_from_cli",
                "HEXCLAVE_API_URL", "http://localhost:8102")));
        assertThat(s.projectId()).isEqualTo(PROJECT);
        assertThat(s.secretServerKey()).map(Secret::value).contains("ssk_from_cli");
        assertThat(s.publishableClientKey()).contains("pck_from_cli");
        assertThat(s.apiUrl()).isEqualTo("http://localhost:8102");
    }

    @Test
    void lookupsChainInOrder() {
        ConfigLookup chain = ConfigLookup.of(Map.of("hexclave.project-id", PROJECT))
                .orElse(ConfigLookup.environment(Map.of("HEXCLAVE_PROJECT_ID", "internal", "HEXCLAVE_API_URL", "http://localhost:1")));
        HexclaveSettings s = HexclaveSettings.from(chain);
        assertThat(s.projectId()).isEqualTo(PROJECT);
        assertThat(s.apiUrl()).isEqualTo("http://localhost:1");
        assertThat(ConfigLookup.envName("hexclave.jwks.cache-time")).isEqualTo("HEXCLAVE_JWKS_CACHE_TIME");
    }

    @Test
    void toStringNeverShowsTheSecretServerKey() {
        HexclaveSettings s = HexclaveSettings.builder(PROJECT).secretServerKey("ssk_very_secret_value_123456789").build();
        assertThat(s.toString()).doesNotContain("ssk_very_secret").contains("secretServerKey=****");
        assertThat(new Secret("ssk_very_secret_value_123456789").toString()).isEqualTo("Secret[****]");
        assertThat(s.toBuilder().build()).isEqualTo(s);
    }

    @Test
    void durationsParseLikeQuarkus() {
        assertThat(SettingsReader.parseDuration("30")).isEqualTo(Duration.ofSeconds(30));
        assertThat(SettingsReader.parseDuration("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(SettingsReader.parseDuration("2h")).isEqualTo(Duration.ofHours(2));
        assertThat(SettingsReader.parseDuration("1d")).isEqualTo(Duration.ofDays(1));
        assertThat(SettingsReader.parseDuration("PT1M")).isEqualTo(Duration.ofMinutes(1));
        assertThat(SettingsReader.parseDuration("1m30s")).isEqualTo(Duration.ofSeconds(90));
    }

    @Test
    void aConfigErrorCarriesItsKeyAndEachAdapterNamesItItsWay() {
        HexclaveConfigException e = org.assertj.core.api.Assertions.catchThrowableOfType(
                () -> HexclaveSettings.from(ConfigLookup.of(Map.of("hexclave.project-id", PROJECT,
                        "hexclave.clock-skew", "soon"))), HexclaveConfigException.class);
        assertThat(e.key()).contains("clock-skew");
        assertThat(e.getMessage()).startsWith("hexclave.clock-skew");
        assertThat(e.renderedFor("quarkus.hexclave.").getMessage()).startsWith("quarkus.hexclave.clock-skew")
                .doesNotContain(" hexclave.clock-skew");
        assertThat(new HexclaveConfigException("x", "set {prefix}y and {key}").renderedFor("quarkus.hexclave.")
                .getMessage()).isEqualTo("set quarkus.hexclave.y and quarkus.hexclave.x");
    }

    @Test
    void aUrlWithCredentialsIsRefusedWithoutEchoingThemAndOriginsNameTheirOwnKey() {
        assertThatThrownBy(() -> HexclaveSettings.builder(PROJECT).apiUrl("https://admin:s3cret@api.example.com").build())
                .hasMessageContaining("hexclave.api-url").hasMessageNotContaining("s3cret");
        assertThatThrownBy(() -> HexclaveSettings.builder(PROJECT).issuerOrigins(List.of("ftp://auth.example.com")).build())
                .hasMessageContaining("hexclave.issuer-origins");
    }

    @Test
    void theVerificationKeysAreRead() {
        HexclaveSettings s = HexclaveSettings.from(ConfigLookup.of(Map.of("hexclave.project-id", PROJECT,
                "hexclave.secret-server-key", "ssk_x", "hexclave.verification.mode", "BOTH",
                "hexclave.verification.rest-cache-ttl", "2s", "hexclave.verification.rest-cache-size", "7")));
        assertThat(s.verificationMode()).isEqualTo(VerificationMode.BOTH);
        assertThat(s.restCacheTtl()).isEqualTo(Duration.ofSeconds(2));
        assertThat(s.restCacheSize()).isEqualTo(7);
        assertThatThrownBy(() -> HexclaveSettings.from(ConfigLookup.of(Map.of("hexclave.project-id", PROJECT,
                "hexclave.verification.mode", "sometimes")))).hasMessageContaining("hexclave.verification.mode")
                .hasMessageContaining("jwt, rest or both");
    }

    @Test
    void theCookieCrossSiteCheckIsOnByDefaultAndCanBeTurnedOff() {
        assertThat(HexclaveSettings.builder(PROJECT).build().cookieCrossSiteCheck()).isTrue();
        HexclaveSettings off = HexclaveSettings.from(ConfigLookup.of(Map.of("hexclave.project-id", PROJECT,
                "hexclave.cookie.cross-site-check", "false")));
        assertThat(off.cookieCrossSiteCheck()).isFalse();
        assertThat(off.toBuilder().build().cookieCrossSiteCheck()).isFalse();
        assertThatThrownBy(() -> HexclaveSettings.from(ConfigLookup.of(Map.of("hexclave.project-id", PROJECT,
                "hexclave.cookie.cross-site-check", "maybe")))).hasMessageContaining("hexclave.cookie.cross-site-check");
    }
}
