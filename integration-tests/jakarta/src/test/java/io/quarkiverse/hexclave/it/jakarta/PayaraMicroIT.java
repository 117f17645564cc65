package io.quarkiverse.hexclave.it.jakarta;

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
    ServerUnderTest startServer(Map<String, String> hexclaveConfig) {
        return PayaraMicroServer.start(hexclaveConfig);
    }
}
