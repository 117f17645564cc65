package io.quarkiverse.hexclave.deployment.devui;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import io.quarkiverse.hexclave.deployment.HexclaveBuildTimeConfig;
import io.quarkiverse.hexclave.deployment.devservices.HexclaveDevServicesBuildItem;
import io.quarkiverse.hexclave.runtime.devui.HexclaveJsonRpcService;
import io.quarkus.deployment.IsLocalDevelopment;
import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.deployment.annotations.BuildSteps;
import io.quarkus.devui.spi.JsonRPCProvidersBuildItem;
import io.quarkus.devui.spi.page.CardPageBuildItem;
import io.quarkus.devui.spi.page.Page;

/**
 * The Hexclave card of the Dev UI (local dev mode only): one page to mint tokens from the emulator, see the effective
 * configuration (secrets masked) and the JWKS cache, and verify a pasted token with the reason it fails; one page with
 * what a frontend pastes into the JS SDK's configuration (base URL, project id, publishable key; never the secret key).
 */
@BuildSteps(onlyIf = IsLocalDevelopment.class)
public class HexclaveDevUIProcessor {

    @BuildStep
    CardPageBuildItem card(HexclaveBuildTimeConfig config, Optional<HexclaveDevServicesBuildItem> emulator) {
        if (!config.enabled()) {
            return null;
        }
        CardPageBuildItem card = new CardPageBuildItem();
        Map<String, Object> info = new LinkedHashMap<>();
        emulator.ifPresent(e -> {
            info.put("apiUrl", e.apiUrl());
            info.put("projectId", e.projectId());
            info.put("publishableClientKey", e.publishableClientKey());
            info.put("portFixed", e.portFixed());
            info.put("demoUser", e.demoUserEmail());
        });
        card.addBuildTimeData("emulator", info);
        card.addPage(Page.webComponentPageBuilder()
                .title("Tokens and keys")
                .icon("font-awesome-solid:key")
                .componentLink("qwc-hexclave-tokens.js")
                .staticLabel(emulator.isPresent() ? "emulator" : "remote"));
        card.addPage(Page.webComponentPageBuilder()
                .title("Frontend configuration")
                .icon("font-awesome-solid:window-maximize")
                .componentLink("qwc-hexclave-frontend.js"));
        return card;
    }

    @BuildStep
    JsonRPCProvidersBuildItem jsonRpc(HexclaveBuildTimeConfig config) {
        return config.enabled() ? new JsonRPCProvidersBuildItem(HexclaveJsonRpcService.class) : null;
    }
}
