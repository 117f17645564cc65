package io.quarkiverse.hexclave.client;

import java.util.concurrent.CompletionStage;

/**
 * Sends one HTTP request to Hexclave. The default is {@link JdkHttpTransport}; tests and special environments pass
 * their own to {@link HexclaveClient#HexclaveClient(io.quarkiverse.hexclave.config.HexclaveSettings, HexclaveTransport)}.
 * <p>
 * Contract: send exactly once (the client retries), complete with any response Hexclave sent (also 4xx and 5xx),
 * and complete exceptionally with {@link io.quarkiverse.hexclave.client.error.HexclaveConnectionException} when no
 * response arrived (refused, reset, timed out). Never log header values.
 */
public interface HexclaveTransport extends AutoCloseable {

    /** Sends {@code request}; see the interface contract. */
    CompletionStage<HexclaveResponse> send(HexclaveRequest request);

    /**
     * Called on the thread of a blocking call (the client's blocking forms, a verification that must wait for keys)
     * before anything is sent: throws when that thread must not wait for this transport, for example an event loop
     * that is itself to deliver the answer, where the wait could only end by timing out. The default lets every thread
     * wait.
     *
     * @throws IllegalStateException saying what to use instead
     */
    default void checkBlockingAllowed() {
    }

    /** Releases what the transport owns. The default does nothing. */
    @Override
    default void close() {
    }
}
