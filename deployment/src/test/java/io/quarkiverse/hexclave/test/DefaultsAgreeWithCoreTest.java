package io.quarkiverse.hexclave.test;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.hexclave.apikey.ApiKeySettings;
import io.quarkiverse.hexclave.config.HexclaveSettings;
import io.quarkiverse.hexclave.config.HexclaveSettings.Defaults;
import io.quarkiverse.hexclave.runtime.HexclaveConfig;
import io.quarkiverse.hexclave.supabase.SupabaseTokens;
import io.quarkiverse.hexclave.webhook.WebhookReceiver;
import io.quarkiverse.hexclave.webhook.WebhookVerifier;
import io.quarkus.test.QuarkusUnitTest;

/**
 * Every default of {@code quarkus.hexclave.*} ({@code @WithDefault} in the mapping) equals the core's, so that the
 * extension and plain Java or Jakarta behave alike when nothing is configured.
 */
class DefaultsAgreeWithCoreTest {

    @RegisterExtension
    static final QuarkusUnitTest app = HexclaveTestApp.create("default", GreetingEndpoint.class);

    @Inject
    HexclaveConfig config;

    @Inject
    HexclaveSettings settings;

    @Test
    void theMappingsDefaultsAreTheCoresDefaults() {
        assertThat(config.allowRestrictedUsers()).isEqualTo(Defaults.ALLOW_RESTRICTED_USERS);
        assertThat(config.allowAnonymousUsers()).isEqualTo(Defaults.ALLOW_ANONYMOUS_USERS);
        assertThat(config.clockSkew()).isEqualTo(Defaults.CLOCK_SKEW);
        assertThat(config.jwks().cacheTime()).isEqualTo(Defaults.JWKS_CACHE_TIME);
        assertThat(config.jwks().refreshCooldown()).isEqualTo(Defaults.JWKS_REFRESH_COOLDOWN);
        assertThat(config.jwks().maxStale()).isEqualTo(Defaults.JWKS_MAX_STALE);
        assertThat(config.allowPlainHttp()).isEqualTo(Defaults.ALLOW_PLAIN_HTTP);
        assertThat(config.http().connectTimeout()).isEqualTo(Defaults.CONNECT_TIMEOUT);
        assertThat(config.http().readTimeout()).isEqualTo(Defaults.READ_TIMEOUT);
        assertThat(config.credentialSources()).isEmpty();
        assertThat(settings.credentialSources()).isEqualTo(Defaults.CREDENTIAL_SOURCES);
        assertThat(config.verifiedTokenCacheSize()).isEqualTo(Defaults.VERIFIED_TOKEN_CACHE_SIZE);
        assertThat(config.client().maxRetries()).isEqualTo(Defaults.MAX_RETRIES);
        assertThat(config.verification().mode()).isEqualTo(Defaults.VERIFICATION_MODE);
        assertThat(config.verification().restCacheTtl()).isEqualTo(Defaults.REST_CACHE_TTL);
        assertThat(config.verification().restCacheSize()).isEqualTo(Defaults.REST_CACHE_SIZE);
        assertThat(config.cookie().crossSiteCheck()).isEqualTo(Defaults.COOKIE_CROSS_SITE_CHECK);
        assertThat(new ApiKeySettings(config.apiKeys().enabled(), config.apiKeys().headers(), config.apiKeys().bearer(),
                config.apiKeys().cacheTtl(), config.apiKeys().cacheSize())).isEqualTo(ApiKeySettings.DEFAULTS);
        assertThat(config.webhook().tolerance()).isEqualTo(WebhookVerifier.DEFAULT_TOLERANCE);
        assertThat(config.webhook().deduplicationWindow()).isEqualTo(WebhookReceiver.DEFAULT_DEDUPLICATION_WINDOW);
        assertThat(config.webhook().deduplicationSize()).isEqualTo(WebhookReceiver.DEFAULT_DEDUPLICATION_SIZE);
        assertThat(config.supabase().lifetime()).isEqualTo(SupabaseTokens.DEFAULT_LIFETIME);
    }
}
