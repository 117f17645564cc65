package io.quarkiverse.hexclave.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/** With MicroProfile Config on the class path, {@code HexclaveSettings.load()} reads {@code hexclave.*} from it. */
class ConfigLookupMicroProfileTest {

    @Test
    void loadReadsMicroProfileConfigFirst() {
        HexclaveSettings s = HexclaveSettings.load();
        assertThat(s.projectId()).isEqualTo("0f6a1a8e-6b1e-4e3a-9a57-1c2d3e4f5a6b");
        assertThat(s.allowRestrictedUsers()).isTrue();
        assertThat(s.jwksRefreshCooldown()).isEqualTo(Duration.ofSeconds(45));
    }

    @Test
    void systemPropertiesAreSeenThroughMicroProfileConfigToo() {
        System.setProperty("hexclave.clock-skew", "7s");
        try {
            assertThat(ConfigLookup.microProfileConfig().get("hexclave.clock-skew")).contains("7s");
            assertThat(ConfigLookup.defaults().get("hexclave.no-such-key")).isEmpty();
        } finally {
            System.clearProperty("hexclave.clock-skew");
        }
    }
}
