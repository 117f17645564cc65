package io.quarkiverse.hexclave.runtime.devservices;

import jakarta.enterprise.event.ObservesAsync;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

import io.quarkiverse.hexclave.client.HexclaveClient;
import io.quarkiverse.hexclave.client.model.CreateSessionRequest;
import io.quarkus.vertx.http.HttpServerStart;

/**
 * Dev mode only, once per Dev Services start of the emulator: when the HTTP server is up, mints an access token of
 * the demo user from the emulator and logs a ready-to-paste {@code curl} command with it, plus the same command
 * without a token (401).
 * <p>
 * This is the one place where a token is logged, on purpose: it is a short-lived token of the emulator's demo user,
 * only in dev mode, and printing it is the point. Tokens of a real Hexclave are never logged.
 */
@Singleton
public class DemoTokenLog {

    private static final Logger LOG = Logger.getLogger(DemoTokenLog.class);

    private final HexclaveClient client;
    private final DevServicesEmulator emulator;
    private final Settings settings;

    /** What to log. */
    public record Settings(String requestPath) {
    }

    @Inject
    public DemoTokenLog(HexclaveClient client, DevServicesEmulator emulator, Settings settings) {
        this.client = client;
        this.emulator = emulator;
        this.settings = settings;
    }

    void onHttpStart(@ObservesAsync HttpServerStart start) {
        String host = start.options().getHost();
        if (host == null || host.isBlank() || "0.0.0.0".equals(host) || "::".equals(host)) {
            host = "localhost";
        }
        String url = "http://" + host + ":" + start.options().getPort() + underRootPath(settings.requestPath());
        client.sessions().createAsync(CreateSessionRequest.forUser(emulator.demoUserId()).build())
                .whenComplete((tokens, error) -> {
                    if (error != null) {
                        LOG.warnf("Hexclave Dev Services: could not mint a token of the demo user (%s); get one from "
                                + "the Dev UI instead", error.getClass().getSimpleName());
                        return;
                    }
                    LOG.infof("Hexclave Dev Services: signed in as the demo user %s (token valid for minutes; fresh "
                            + "ones in the Dev UI, card Hexclave):%n%n    curl -H 'Authorization: Bearer %s' %s%n%n"
                            + "Without a token (401):%n%n    curl -i %s%n",
                            emulator.demoUserEmail(), tokens.accessToken().value(), url, url);
                });
    }

    /** {@code path} under {@code quarkus.http.root-path}. */
    static String underRootPath(String requestPath) {
        String root = ConfigProvider.getConfig().getOptionalValue("quarkus.http.root-path", String.class).orElse("/");
        String path = requestPath == null ? "/" : requestPath;
        String joined = (root.endsWith("/") ? root.substring(0, root.length() - 1) : root)
                + (path.startsWith("/") ? path : "/" + path);
        return joined.isEmpty() ? "/" : joined;
    }
}
