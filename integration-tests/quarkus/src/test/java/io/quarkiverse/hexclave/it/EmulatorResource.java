package io.quarkiverse.hexclave.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.quarkiverse.hexclave.emulator.HexclaveEmulator;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Starts the Hexclave emulator on loopback, behind a WireMock proxy that records every call the application makes to
 * Hexclave (so tests can count profile look-ups). Configures the application the way {@code hexclave dev} would: only
 * the project id and secret key, here under the core's {@code hexclave.*} keys that {@code quarkus.hexclave.*} falls
 * back to. Injects the emulator and the proxy into test fields of those types.
 */
public class EmulatorResource implements QuarkusTestResourceLifecycleManager {

    private HexclaveEmulator emulator;
    private WireMockServer proxy;

    @Override
    public Map<String, String> start() {
        emulator = HexclaveEmulator.builder().build().start();
        proxy = new WireMockServer(wireMockConfig().bindAddress("127.0.0.1").dynamicPort());
        proxy.start();
        proxy.stubFor(any(anyUrl()).willReturn(aResponse().proxiedFrom(emulator.apiUrl())));
        return Map.of(
                "hexclave.project-id", emulator.projectId(),
                "hexclave.secret-server-key", emulator.secretServerKey(),
                "quarkus.hexclave.api-url", proxy.baseUrl(),
                // Tokens name the emulator's own origin as issuer, not the proxy's.
                "quarkus.hexclave.issuer-origins", emulator.issuerOrigin());
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(emulator, new TestInjector.MatchesType(HexclaveEmulator.class));
        testInjector.injectIntoFields(proxy, new TestInjector.MatchesType(WireMockServer.class));
    }

    @Override
    public void stop() {
        if (proxy != null) {
            proxy.stop();
        }
        if (emulator != null) {
            emulator.close();
        }
    }
}
