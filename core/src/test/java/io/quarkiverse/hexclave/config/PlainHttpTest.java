package io.quarkiverse.hexclave.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkiverse.hexclave.testsupport.CapturedLogs;

/** Plain http:// is for loopback hosts only, unless allow-plain-http says otherwise. */
class PlainHttpTest {

    final String projectId = UUID.randomUUID().toString();

    HexclaveSettings.Builder builder(String apiUrl) {
        return HexclaveSettings.builder(projectId).apiUrl(apiUrl);
    }

    @Test
    void plainHttpToAHostThatIsNotLoopbackIsRefusedNamingTheKeyAndTheOptIn() {
        for (String url : new String[] { "http://api.example.com", "http://10.0.0.5:8102", "http://127.0.0.1.example.com",
                "http://localhost.example.com", "http://[::2]:8080", "http://0x7f000001", "http://128.0.0.1" }) {
            HexclaveConfigException e = catchThrowableOfType(HexclaveConfigException.class, () -> builder(url).build());
            assertThat(e).as(url).isNotNull();
            assertThat(e.key()).contains("api-url");
            assertThat(e.getMessage()).startsWith("hexclave.api-url is a plain http:// URL")
                    .contains("hexclave.allow-plain-http=true");
        }
    }

    @Test
    void plainHttpToLoopbackAndHttpsAnywhereAreAccepted() {
        for (String url : new String[] { "http://localhost:8102", "http://LOCALHOST", "http://127.0.0.1:1",
                "http://127.5.6.7", "http://[::1]:8080", "http://[0:0:0:0:0:0:0:1]", "https://api.example.com",
                "https://10.0.0.5" }) {
            assertThat(builder(url).build().apiUrl()).as(url).isNotNull();
        }
    }

    @Test
    void theOptInAcceptsPlainHttpAndWarnsOnce() {
        try (CapturedLogs logs = new CapturedLogs()) {
            String url = "http://hexclave-" + UUID.randomUUID() + ".internal:8102";
            HexclaveSettings s = builder(url).allowPlainHttp(true).build();
            s.toBuilder().build();

            assertThat(s.allowPlainHttp()).isTrue();
            assertThat(logs.texts().stream().filter(t -> t.contains(url) && t.contains("cleartext")).count()).isEqualTo(1);
        }
    }

    @Test
    void theOptInIsReadFromConfiguration() {
        Map<String, String> config = Map.of("hexclave.project-id", projectId, "hexclave.api-url", "http://hexclave.internal",
                "hexclave.allow-plain-http", "true");
        assertThat(HexclaveSettings.from(ConfigLookup.of(config)).apiUrl()).isEqualTo("http://hexclave.internal");
        assertThatThrownBy(() -> HexclaveSettings.from(ConfigLookup.of(Map.of("hexclave.project-id", projectId,
                "hexclave.api-url", "http://hexclave.internal")))).isInstanceOf(HexclaveConfigException.class);
    }
}
