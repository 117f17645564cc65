/**
 * The exceptions of the Hexclave client: {@link io.quarkiverse.hexclave.client.error.HexclaveApiException} and its
 * typed subclasses for Hexclave's error codes, and
 * {@link io.quarkiverse.hexclave.client.error.HexclaveConnectionException} for transport failures. All unchecked.
 * The client's package-private {@code HexclaveErrors} is the one place where responses become exceptions.
 */
package io.quarkiverse.hexclave.client.error;
