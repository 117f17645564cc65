package io.quarkiverse.hexclave.jakarta.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkiverse.hexclave.config.ConfigLookup;
import io.quarkiverse.hexclave.config.HexclaveConfigException;

/** {@code SupabaseTokens} from the {@code hexclave.supabase.*} keys. */
class SupabaseTokensProducerTest {

    @Test
    void keysConfigureTheMinter() {
        SupabaseTokensProducer producer = new SupabaseTokensProducer(ConfigLookup.of(Map.of(
                "hexclave.supabase.jwt-secret", "a-supabase-jwt-secret-of-more-than-32-characters",
                "hexclave.supabase.lifetime", "10m", "hexclave.supabase.allow-restricted-users", "true")));
        assertThat(producer.supabaseTokens().lifetime()).isEqualTo(Duration.ofMinutes(10));
        assertThat(producer.supabaseTokens().toString()).contains("allowRestricted=true", "allowAnonymous=false");
        assertThat(producer.supabaseTokens()).isSameAs(producer.supabaseTokens());
    }

    @Test
    void missingSecretNamesTheKey() {
        assertThatThrownBy(() -> new SupabaseTokensProducer(ConfigLookup.of(Map.of())).supabaseTokens())
                .isInstanceOf(HexclaveConfigException.class).hasMessageContaining("hexclave.supabase.jwt-secret");
    }
}
