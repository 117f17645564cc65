package io.quarkiverse.hexclave.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/** A configuration error never echoes a URL's user info (a password), and names the key whose value is wrong. */
class ConfigErrorRedactionTest {

    static final String PASSWORD = "s3cretPassw0rd";
    final String projectId = UUID.randomUUID().toString();

    static final List<String> BAD_URLS = List.of(
            "https://admin:" + PASSWORD + "@api.example.com",
            "https://admin:" + PASSWORD + "@api.example.com/path?x=1",
            "http://admin:" + PASSWORD + "@api.example.com",
            "ftp://admin:" + PASSWORD + "@api.example.com",
            "https://admin:" + PASSWORD + "@api example.com",
            "https://admin:" + PASSWORD + "@[::1",
            "admin:" + PASSWORD + "@api.example.com",
            "https://admin:" + PASSWORD + "@",
            "https://api.example.com/?token=" + PASSWORD,
            "https://api.example.com/#" + PASSWORD);

    static void assertRedacted(HexclaveConfigException e, String url) {
        assertThat(e).as(url).isNotNull();
        for (Throwable t = e; t != null; t = t.getCause()) {
            assertThat(String.valueOf(t.getMessage())).as(url).doesNotContain(PASSWORD);
        }
    }

    @Test
    void aBadApiUrlIsReportedUnderApiUrlWithoutItsUserInfoOrQuery() {
        for (String url : BAD_URLS) {
            HexclaveConfigException e = catchThrowableOfType(HexclaveConfigException.class,
                    () -> HexclaveSettings.builder(projectId).apiUrl(url).build());
            assertRedacted(e, url);
            assertThat(e.key()).as(url).contains("api-url");
        }
    }

    @Test
    void aBadIssuerOriginIsReportedUnderIssuerOriginsWithoutItsUserInfo() {
        for (String url : BAD_URLS) {
            HexclaveConfigException e = catchThrowableOfType(HexclaveConfigException.class,
                    () -> HexclaveSettings.from(ConfigLookup.of(Map.of("hexclave.project-id", projectId,
                            "hexclave.issuer-origins", "https://api.hexclave.com," + url))));
            assertRedacted(e, url);
            assertThat(e.key()).as(url).contains("issuer-origins");
            assertThat(e.getMessage()).as(url).startsWith("hexclave.issuer-origins");
        }
    }
}
