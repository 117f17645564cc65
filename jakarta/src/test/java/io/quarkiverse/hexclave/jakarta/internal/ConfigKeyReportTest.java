package io.quarkiverse.hexclave.jakarta.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkiverse.hexclave.config.ConfigLookup;

class ConfigKeyReportTest {

    @Test
    void quarkusOnlyKeysAreNamedEvenWhenTheSourceCannotListItsNames() {
        // e.g. environment variables: looked up one by one
        ConfigLookup lookup = ConfigLookup.of(Map.of("hexclave.priority", "900", "hexclave.devservices.enabled", "false",
                "hexclave.project-id", "internal"));

        assertThat(ConfigKeyReport.warnings(lookup, List.of())).containsExactly(
                "hexclave.devservices.enabled is understood only by the Quarkus extension: the Jakarta adapter ignores it",
                "hexclave.priority is understood only by the Quarkus extension: the Jakarta adapter ignores it");
    }

    @Test
    void listedNamesAreSortedIntoQuarkusOnlyUnknownAndQuarkusPrefixed() {
        Map<String, String> keys = Map.of("hexclave.project-id", "internal", "hexclave.jwks.cache-time", "1h",
                "hexclave.authorization.cache-ttl", "5s", "hexclave.keys-unavailable-status", "503",
                "hexclave.cache-control.value", "no-store", "hexclave.devservices.image", "x",
                "hexclave.verifcation.mode", "both", "quarkus.hexclave.clock-skew", "10s", "java.version", "17");
        List<String> warnings = ConfigKeyReport.warnings(ConfigLookup.of(keys), keys.keySet());

        assertThat(warnings).containsExactly(
                "hexclave.devservices.image is understood only by the Quarkus extension: the Jakarta adapter ignores it",
                "hexclave.verifcation.mode is not a key of the Jakarta adapter (misspelt?): it is ignored",
                "quarkus.hexclave.clock-skew is ignored: the Jakarta adapter reads hexclave.* keys (hexclave.clock-skew)");
    }

    @Test
    void everyKeyTheAdapterReadsIsKnown() {
        assertThat(ConfigKeyReport.JAKARTA).contains("project-id", "secret-server-key", "verification.mode",
                "cookie.cross-site-check", "authorization.enabled", "authorization.cache-ttl", "authorization.cache-size",
                "keys-unavailable-status", "cache-control.enabled", "cache-control.value", "user-profile.cache-ttl",
                "user-profile.cache-size")
                .doesNotContainAnyElementsOf(ConfigKeyReport.QUARKUS_ONLY);
    }

    @Test
    void valuesAreNeverInTheWarnings() {
        Map<String, String> keys = Map.of("hexclave.secret-server-kee", "ssk_not-for-logs", "hexclave.priority",
                "ssk_also-not");
        assertThat(String.join("\n", ConfigKeyReport.warnings(ConfigLookup.of(keys), keys.keySet())))
                .contains("hexclave.secret-server-kee", "hexclave.priority").doesNotContain("ssk_");
    }

    @Test
    void environmentVariablesListedInDottedFormAreKnownKeys() {
        // SmallRye Config and Open Liberty list HEXCLAVE_PROJECT_ID as hexclave.project.id
        List<String> names = List.of("hexclave.project.id", "hexclave.api.url", "hexclave.jwks.refresh.cooldown",
                "hexclave.authorization.cache.ttl", "hexclave.devservices.port", "hexclave.projekt.id");

        assertThat(ConfigKeyReport.warnings(ConfigLookup.of(Map.of()), names)).containsExactly(
                "hexclave.devservices.port is understood only by the Quarkus extension: the Jakarta adapter ignores it",
                "hexclave.projekt.id is not a key of the Jakarta adapter (misspelt?): it is ignored");
    }
}
