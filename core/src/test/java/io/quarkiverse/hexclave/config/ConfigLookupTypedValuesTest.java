package io.quarkiverse.hexclave.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Adapters read their own keys with the same syntax as the core settings, and an unparsable value names its key. */
class ConfigLookupTypedValuesTest {

    final ConfigLookup lookup = ConfigLookup.of(Map.of("hexclave.a.ttl", "30s", "hexclave.a.size", "12",
            "hexclave.a.on", "false", "hexclave.a.bad", "soon"));

    @Test
    void typedValuesUseTheSettingsSyntax() {
        assertThat(lookup.duration("hexclave.a.ttl")).contains(Duration.ofSeconds(30));
        assertThat(lookup.integer("hexclave.a.size")).contains(12);
        assertThat(lookup.bool("hexclave.a.on")).contains(false);
        assertThat(lookup.duration("hexclave.a.unset")).isEmpty();
    }

    @Test
    void unparsableValueNamesItsKey() {
        assertThatThrownBy(() -> lookup.duration("hexclave.a.bad")).isInstanceOf(HexclaveConfigException.class)
                .hasMessageContaining("hexclave.a.bad");
        assertThatThrownBy(() -> lookup.integer("hexclave.a.bad")).isInstanceOf(HexclaveConfigException.class)
                .hasMessageContaining("hexclave.a.bad");
        assertThatThrownBy(() -> lookup.bool("hexclave.a.bad")).isInstanceOf(HexclaveConfigException.class)
                .hasMessageContaining("hexclave.a.bad");
    }
}
