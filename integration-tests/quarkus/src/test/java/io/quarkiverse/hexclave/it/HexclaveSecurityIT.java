package io.quarkiverse.hexclave.it;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The same tests against the packaged application, started as its own process. */
@QuarkusIntegrationTest
class HexclaveSecurityIT extends HexclaveSecurityTest {
}
