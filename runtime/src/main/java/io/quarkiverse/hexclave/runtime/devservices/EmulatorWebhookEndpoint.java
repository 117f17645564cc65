package io.quarkiverse.hexclave.runtime.devservices;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.event.ObservesAsync;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

import io.quarkiverse.hexclave.config.HexclaveSettings;
import io.quarkus.value.registry.ValueRegistry;
import io.quarkus.vertx.http.HttpServer;
import io.quarkus.vertx.http.HttpServerStart;

/**
 * Dev and test mode, with the Dev Services emulator and the webhook route: once the HTTP server listens (its port may
 * have been chosen at random), tells the emulator to deliver its webhook events to this application's route
 * ({@code PUT /emulator/webhook-endpoints}, server access). The emulator signs them with the secret Dev Services gave
 * both sides, so application observers receive the emulator's changes with no configuration.
 */
@Singleton
public class EmulatorWebhookEndpoint {

    private static final Logger LOG = Logger.getLogger(EmulatorWebhookEndpoint.class);

    private final HexclaveSettings settings;
    private final Instance<ValueRegistry> values;
    private final CountDownLatch registered = new CountDownLatch(1);

    @Inject
    public EmulatorWebhookEndpoint(HexclaveSettings settings, Instance<ValueRegistry> values) {
        this.settings = settings;
        this.values = values;
    }

    /** The port the server listens on: the event's options say -1 when a free port was asked for (port 0). */
    private int port(HttpServerStart start) {
        int port = start.options().getPort();
        if (port > 0 || !values.isResolvable()) {
            return port;
        }
        HttpServer server = values.get().get(HttpServer.HTTP_SERVER);
        return server == null ? port : server.getPort();
    }

    /**
     * Waits until the emulator was given this application's route (the HTTP server start event is asynchronous, so a
     * test that changes the emulator at once may otherwise be faster).
     *
     * @return whether it was, within {@code timeout}
     */
    public boolean awaitRegistered(Duration timeout) throws InterruptedException {
        return registered.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    void onHttpStart(@ObservesAsync HttpServerStart start) {
        var config = ConfigProvider.getConfig();
        if (config.getOptionalValue("quarkus.hexclave.webhook.secret", String.class).filter(s -> !s.isBlank())
                .isEmpty()) {
            return; // no route to deliver to
        }
        String path = config.getOptionalValue("quarkus.hexclave.webhook.path", String.class).orElse("/hexclave/webhook");
        String url = "http://127.0.0.1:" + port(start) + DemoTokenLog.underRootPath(path);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(settings.apiUrl() + "/emulator/webhook-endpoints"))
                .timeout(Duration.ofSeconds(5))
                .header("content-type", "application/json")
                .header("x-hexclave-access-type", "server")
                .header("x-hexclave-project-id", settings.projectId())
                .PUT(HttpRequest.BodyPublishers.ofString("{\"url\":\"" + url + "\"}"));
        settings.secretServerKey().ifPresent(key -> request.header("x-hexclave-secret-server-key", key.value()));
        try {
            int status = HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode();
            if (status == 200) {
                registered.countDown();
                LOG.debugf("Hexclave Dev Services: the emulator delivers its webhook events to %s", url);
            } else {
                LOG.warnf("Hexclave Dev Services: the emulator refused the webhook endpoint %s (status %d)", url, status);
            }
        } catch (java.io.IOException e) {
            LOG.warnf("Hexclave Dev Services: could not give the emulator the webhook endpoint %s (%s)", url, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
