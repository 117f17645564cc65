/**
 * The observer SPI through which the verifier and the client report what they do (outcomes, cache lookups, key
 * fetches, API calls), for metrics. The core depends on no metrics library: the Quarkus extension implements
 * {@link io.quarkiverse.hexclave.observe.HexclaveObserver} with Micrometer when the application has it.
 */
package io.quarkiverse.hexclave.observe;
