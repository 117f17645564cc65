package io.quarkiverse.hexclave.test;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import io.quarkiverse.hexclave.client.HexclaveClient;
import io.quarkiverse.hexclave.client.HexclaveRequest;
import io.quarkiverse.hexclave.client.HexclaveResponse;
import io.quarkiverse.hexclave.client.HexclaveTransport;
import io.quarkiverse.hexclave.client.JdkHttpTransport;
import io.quarkiverse.hexclave.config.HexclaveSettings;
import io.quarkiverse.hexclave.runtime.mutiny.MutinyHexclaveClient;

/**
 * A client of the same Hexclave whose every answer arrives 50 ms late on a thread of its own, so that a continuation
 * runs off the caller's context unless something brings it back (on loopback a fast answer can otherwise complete
 * the stage before Mutiny registers its callback, on the subscribing thread).
 */
@Singleton
public class SlowHexclave {

    private static final Executor LATE = CompletableFuture.delayedExecutor(50, TimeUnit.MILLISECONDS);

    final HexclaveClient client;
    final MutinyHexclaveClient mutiny;

    @Inject
    SlowHexclave(HexclaveSettings settings) {
        JdkHttpTransport http = new JdkHttpTransport(settings.connectTimeout());
        this.client = HexclaveClient.builder(settings).transport(new HexclaveTransport() {
            @Override
            public CompletionStage<HexclaveResponse> send(HexclaveRequest request) {
                return http.send(request).thenApplyAsync(response -> response, LATE);
            }

            @Override
            public void close() {
                http.close();
            }
        }).build();
        this.mutiny = new MutinyHexclaveClient(client);
    }

    @PreDestroy
    void close() {
        client.close();
    }
}
