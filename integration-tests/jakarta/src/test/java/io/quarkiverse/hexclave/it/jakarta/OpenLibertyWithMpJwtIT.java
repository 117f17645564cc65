package io.quarkiverse.hexclave.it.jakarta;

import java.nio.file.Path;
import java.util.List;
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
    ServerUnderTest startServer(Map<String, String> hexclaveConfig, Path quickstartWar) {
        return OpenLibertyServer.start("liberty-mpjwt", hexclaveConfig, OpenLibertyServer.ConfigRoute.SERVER_ENV, true,
                List.of(quickstartWar));
    }
}
