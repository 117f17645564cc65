package io.quarkiverse.hexclave.it.jakarta;

import java.util.Map;

/**
 * The contract on Open Liberty with its own MicroProfile JWT feature ({@code mpJwt-2.1}) enabled too, configured
 * through {@code HEXCLAVE_*} variables in server.env.
 */
class OpenLibertyWithMpJwtIT extends HexclaveServerContract {

    @Override
    boolean serverShipsJsonWebToken() {
        return true;
    }

    @Override
    ServerUnderTest startServer(Map<String, String> hexclaveConfig) {
        return OpenLibertyServer.start("liberty-mpjwt", hexclaveConfig, OpenLibertyServer.ConfigRoute.SERVER_ENV, true);
    }
}
