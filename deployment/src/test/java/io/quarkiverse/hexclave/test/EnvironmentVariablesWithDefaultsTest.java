package io.quarkiverse.hexclave.test;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.Map;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.hexclave.config.HexclaveSettings;
import io.quarkiverse.hexclave.runtime.authorization.HexclaveGrants;
import io.quarkus.test.QuarkusUnitTest;
import io.smallrye.config.EnvConfigSource;

/**
 * {@code HEXCLAVE_*} variables are honoured for keys that have a default too (as the Jakarta adapter honours them),
 * not only for the four keys {@code hexclave dev} injects. The variables come from {@link FakeEnvironment}, an
 * environment-variable source like the real one (same class, same ordinal), so that they reach no other test.
 */
class EnvironmentVariablesWithDefaultsTest {

    @RegisterExtension
    static final QuarkusUnitTest app = HexclaveTestApp.withArchive("default",
            jar -> jar.addClass(FakeEnvironment.class).addAsServiceProvider(ConfigSource.class, FakeEnvironment.class),
            GreetingEndpoint.class);

    @Inject
    HexclaveSettings settings;

    @Test
    void variablesOfKeysWithDefaultsAreUsed() {
        assertThat(settings.allowRestrictedUsers()).isTrue();
        assertThat(settings.clockSkew()).isEqualTo(Duration.ofSeconds(45));
        assertThat(settings.jwksCacheTime()).isEqualTo(Duration.ofHours(2));
        assertThat(settings.verifiedTokenCacheSize()).isEqualTo(1234);
        assertThat(settings.restCacheSize()).isEqualTo(77);
        Config config = ConfigProvider.getConfig();
        assertThat(config.getValue("quarkus.hexclave.user-profile.cache-size", Integer.class)).isEqualTo(55);
        assertThat(config.getValue("quarkus.hexclave.api-keys.cache-ttl", Duration.class)).isEqualTo(Duration.ofMinutes(3));
        assertThat(config.getValue("quarkus.hexclave.authorization.cache-ttl", Duration.class))
                .isEqualTo(Duration.ofMinutes(7));
    }

    @Test
    void thePermissionCachesTakeTheVariableToo() {
        // The Quarkus caches' own keys default to ours, so the variable reaches them.
        Config config = ConfigProvider.getConfig();
        assertThat(config.getValue("quarkus.cache.caffeine.\"" + HexclaveGrants.PROJECT_PERMISSIONS
                + "\".expire-after-write", Duration.class)).isEqualTo(Duration.ofMinutes(7));
        assertThat(config.getValue("quarkus.cache.caffeine.\"" + HexclaveGrants.PROJECT_PERMISSIONS
                + "\".maximum-size", Long.class)).isEqualTo(321L);
    }

    @Test
    void aQuarkusKeyStillWinsOverTheVariable() {
        assertThat(ConfigProvider.getConfig().getConfigValue("quarkus.hexclave.allow-restricted-users").getSourceName())
                .isEqualTo("FakeEnvironment");
        assertThat(settings.projectId()).isEqualTo(SharedEmulator.projectId());
    }

    @Test
    void restrictedUserIsAcceptedAsTheVariableSays() {
        given().auth().oauth2(SharedEmulator.token(HostileToken.RESTRICTED)).get("/greet/roles")
                .then().statusCode(200).body(equalTo("authenticated,restricted"));
    }

    /** Environment variables for this test only. */
    public static final class FakeEnvironment extends EnvConfigSource {
        public FakeEnvironment() {
            super(Map.ofEntries(
                    Map.entry("HEXCLAVE_ALLOW_RESTRICTED_USERS", "true"),
                    Map.entry("HEXCLAVE_CLOCK_SKEW", "45s"),
                    Map.entry("HEXCLAVE_JWKS_CACHE_TIME", "2h"),
                    Map.entry("HEXCLAVE_VERIFIED_TOKEN_CACHE_SIZE", "1234"),
                    Map.entry("HEXCLAVE_VERIFICATION_REST_CACHE_SIZE", "77"),
                    Map.entry("HEXCLAVE_USER_PROFILE_CACHE_SIZE", "55"),
                    Map.entry("HEXCLAVE_API_KEYS_CACHE_TTL", "3m"),
                    Map.entry("HEXCLAVE_AUTHORIZATION_CACHE_TTL", "7m"),
                    Map.entry("HEXCLAVE_AUTHORIZATION_CACHE_SIZE", "321"),
                    // Overridden by quarkus.hexclave.project-id (HexclaveTestApp): must lose.
                    Map.entry("HEXCLAVE_PROJECT_ID", "00000000-0000-4000-8000-000000000000")), 300);
        }

        @Override
        public String getName() {
            return "FakeEnvironment";
        }
    }
}
