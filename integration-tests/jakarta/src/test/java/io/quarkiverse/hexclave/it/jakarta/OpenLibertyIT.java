package io.quarkiverse.hexclave.it.jakarta;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** The contract on Open Liberty (webProfile-10.0 + mpConfig), configured through server.xml variables. */
class OpenLibertyIT extends HexclaveServerContract {

    @Override
    boolean serverShipsJsonWebToken() {
        return false;
    }

    @Override
    ServerUnderTest startServer(Map<String, String> hexclaveConfig, Path quickstartWar) {
        return OpenLibertyServer.start("liberty", hexclaveConfig, OpenLibertyServer.ConfigRoute.SERVER_XML_VARIABLES, false,
                List.of(quickstartWar));
    }
}
