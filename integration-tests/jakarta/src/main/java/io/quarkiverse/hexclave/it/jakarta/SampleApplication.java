package io.quarkiverse.hexclave.it.jakarta;

import jakarta.annotation.security.DeclareRoles;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The sample's JAX-RS application. */
@ApplicationPath("/api")
@DeclareRoles({ "authenticated", "restricted", "anonymous", "admin", "customer", "team", "hexclave-api-key" })
public class SampleApplication extends Application {
}
