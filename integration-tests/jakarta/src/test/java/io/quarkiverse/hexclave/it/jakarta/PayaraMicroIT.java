package io.quarkiverse.hexclave.it.jakarta;

import java.util.Map;

/** The contract on Payara Micro (which always ships MicroProfile JWT), configured through system properties. */
class PayaraMicroIT extends HexclaveServerContract {

    @Override
    ServerUnderTest startServer(Map<String, String> hexclaveConfig) {
        return PayaraMicroServer.start(hexclaveConfig);
    }
}
