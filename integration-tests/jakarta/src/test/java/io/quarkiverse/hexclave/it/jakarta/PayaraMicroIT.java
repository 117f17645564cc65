package io.quarkiverse.hexclave.it.jakarta;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** The contract on Payara Micro, configured through system properties ({@code --systemproperties}). */
class PayaraMicroIT extends HexclaveServerContract {

    @Override
    boolean serverShipsJsonWebToken() {
        // Payara ships MicroProfile JWT, but activates its JsonWebToken bean (and its own mechanism) only for
        // applications annotated @LoginConfig(authMethod = "MP-JWT"), which a Hexclave application must not be.
        return false;
    }

    @Override
    ServerUnderTest startServer(Map<String, String> hexclaveConfig, Path quickstartWar) {
        return PayaraMicroServer.start(hexclaveConfig, List.of(quickstartWar));
    }
}
