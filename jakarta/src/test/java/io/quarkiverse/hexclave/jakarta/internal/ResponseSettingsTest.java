package io.quarkiverse.hexclave.jakarta.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.quarkiverse.hexclave.config.ConfigLookup;
import io.quarkiverse.hexclave.config.HexclaveConfigException;

class ResponseSettingsTest {

    static ResponseSettings read(Map<String, String> keys) {
        return ResponseSettings.from(ConfigLookup.of(keys));
    }

    @Test
    void defaultsAreTheQuarkusExtensions() {
        ResponseSettings settings = read(Map.of());
        assertThat(settings.keysUnavailableStatus()).isEqualTo(503);
        assertThat(settings.cacheControl()).contains("private, no-store");
        assertThat(settings).isEqualTo(ResponseSettings.DEFAULTS);
    }

    @Test
    void configuredValuesAreRead() {
        ResponseSettings settings = read(Map.of("hexclave.keys-unavailable-status", "504",
                "hexclave.cache-control.value", " no-cache "));
        assertThat(settings.keysUnavailableStatus()).isEqualTo(504);
        assertThat(settings.cacheControl()).contains("no-cache");
    }

    @Test
    void cacheControlCanBeTurnedOff() {
        assertThat(read(Map.of("hexclave.cache-control.enabled", "false",
                "hexclave.cache-control.value", "no-cache")).cacheControl()).isEqualTo(Optional.empty());
    }

    @Test
    void aStatusThatIsNot5xxFailsNamingTheKey() {
        assertThatThrownBy(() -> read(Map.of("hexclave.keys-unavailable-status", "401")))
                .isInstanceOf(HexclaveConfigException.class)
                .hasMessageContaining("hexclave.keys-unavailable-status").hasMessageContaining("5xx")
                .hasMessageContaining("401");
        assertThatThrownBy(() -> read(Map.of("hexclave.keys-unavailable-status", "600")))
                .isInstanceOf(HexclaveConfigException.class).hasMessageContaining("hexclave.keys-unavailable-status");
    }

    @Test
    void malformedValuesFailNamingTheKey() {
        assertThatThrownBy(() -> read(Map.of("hexclave.keys-unavailable-status", "busy")))
                .isInstanceOf(HexclaveConfigException.class).hasMessageContaining("hexclave.keys-unavailable-status");
        assertThatThrownBy(() -> read(Map.of("hexclave.cache-control.enabled", "maybe")))
                .isInstanceOf(HexclaveConfigException.class).hasMessageContaining("hexclave.cache-control.enabled");
    }

    @Test
    void componentsReadThemFromTheirLookup() {
        HexclaveComponents components = new HexclaveComponents(
                ConfigLookup.of(Map.of("hexclave.keys-unavailable-status", "502")));
        assertThat(components.responseSettings().keysUnavailableStatus()).isEqualTo(502);
    }
}
