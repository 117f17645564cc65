/**
 * Requests that carry a Hexclave user or team API key (wire reference §9.6): finding the key in a request
 * ({@link io.quarkiverse.hexclave.apikey.ApiKeyCredentials}), checking it with Hexclave through a bounded cache keyed
 * by the key's SHA-256 digest ({@link io.quarkiverse.hexclave.apikey.ApiKeyVerifier}), and the typed outcome
 * ({@link io.quarkiverse.hexclave.apikey.ApiKeyCheck}) each adapter turns into an identity or a challenge.
 */
package io.quarkiverse.hexclave.apikey;
