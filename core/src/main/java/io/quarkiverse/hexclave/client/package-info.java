/**
 * The Hexclave REST client: {@link io.quarkiverse.hexclave.client.HexclaveClient} and its sub-APIs, the
 * {@link io.quarkiverse.hexclave.client.HexclaveTransport} seam and the
 * {@link io.quarkiverse.hexclave.client.RetryPolicy}. Records live in {@code .model}, exceptions in {@code .error}.
 */
package io.quarkiverse.hexclave.client;
