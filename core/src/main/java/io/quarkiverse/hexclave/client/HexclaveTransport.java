package io.quarkiverse.hexclave.client;

import java.util.concurrent.CompletionStage;

import io.quarkiverse.hexclave.client.error.HexclaveConnectionException;

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

    /**
     * The failure of {@code request} when no response arrived, worded alike by every transport: "Hexclave call GET
     * /path failed: {@code what}". Only the path is shown: the headers (keys, tokens) never are.
     */
    static HexclaveConnectionException failure(HexclaveRequest request, String what, boolean timeout, Throwable cause) {
        return new HexclaveConnectionException("Hexclave call " + request.method() + " " + request.uri().getPath()
                + " failed: " + what, timeout, cause);
    }

    /**
     * The failure of {@code request} when a header name or value is not valid in HTTP. The HTTP library's own
     * exception is not kept: its message may quote the value, which may be a key or a token.
     */
    static IllegalArgumentException invalidHeader(HexclaveRequest request) {
        return new IllegalArgumentException("Hexclave call " + request.method() + " " + request.uri().getPath()
                + " cannot be sent: a header name or value is not valid in HTTP (values are not shown)");
    }

    /** What a failure says of a response body over {@code limit} bytes. */
    static String bodyTooLarge(long limit) {
        return "response body larger than " + limit + " bytes";
    }
}
