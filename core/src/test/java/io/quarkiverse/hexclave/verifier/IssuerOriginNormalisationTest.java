package io.quarkiverse.hexclave.verifier;

import static io.quarkiverse.hexclave.verifier.HexclaveTokenVerifierTest.accepted;
import static io.quarkiverse.hexclave.verifier.HexclaveTokenVerifierTest.rejected;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkiverse.hexclave.config.HexclaveSettings;
import io.quarkiverse.hexclave.testsupport.VerifierFixture;

/** Issuer origins name what Hexclave stamps: no default port, the failover hosts mapped to the api host. */
class IssuerOriginNormalisationTest {

    final VerifierFixture f = new VerifierFixture();

    @AfterEach
    void stop() {
        f.close();
    }

    List<String> originsOf(String apiUrl) {
        return HexclaveSettings.builder(f.projectId).apiUrl(apiUrl).build().issuerOrigins();
    }

    @Test
    void defaultPortsAreDroppedFromTheApiUrlsOrigin() {
        assertThat(originsOf("https://api.hexclave.com:443")).containsExactly("https://api.hexclave.com",
                "https://api.stack-auth.com");
        assertThat(originsOf("http://localhost:80")).containsExactly("http://localhost");
        assertThat(originsOf("https://auth.example.com:8443")).containsExactly("https://auth.example.com:8443");
        assertThat(originsOf("http://127.0.0.1:443")).as("443 is not http's default port")
                .containsExactly("http://127.0.0.1:443");
    }

    @Test
    void theDocumentedFailoverHostsMapToTheHostThatStampsTheIssuer() {
        assertThat(originsOf("https://api1.hexclave.com")).containsExactly("https://api.hexclave.com",
                "https://api.stack-auth.com");
        assertThat(originsOf("https://api2.stack-auth.com:443/api/v1")).containsExactly("https://api.stack-auth.com",
                "https://api.hexclave.com");
        assertThat(originsOf("https://r.dev.hexclave.com")).containsExactly("https://api.dev.hexclave.com",
                "https://api.dev.stack-auth.com");
        assertThat(originsOf("https://api4.hexclave.com")).as("not a documented failover host")
                .containsExactly("https://api4.hexclave.com");
        assertThat(originsOf("https://api1.hexclave.com.evil.example")).containsExactly("https://api1.hexclave.com.evil.example");
    }

    @Test
    void hostedTokensAreAcceptedThroughAFailoverHostOrAnExplicitDefaultPort() {
        for (List<String> configured : List.of(List.of("https://api.hexclave.com:443"), List.of("https://api1.hexclave.com"),
                List.of("HTTPS://API2.HEXCLAVE.COM:443/"))) {
            var v = f.verifier(b -> b.issuerOrigins(configured));
            accepted(v.verify(f.tokens.normal().issuerOrigin("https://api.hexclave.com").mint()));
            rejected(v.verify(f.tokens.normal().issuerOrigin("https://api1.hexclave.com").mint()),
                    RejectionReason.WRONG_ISSUER);
        }
    }
}
