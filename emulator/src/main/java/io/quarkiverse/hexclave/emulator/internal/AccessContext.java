package io.quarkiverse.hexclave.emulator.internal;

/**
 * The authentication of a request after the §2.3 checks.
 *
 * @param accessType {@code client}, {@code server} or {@code admin}
 * @param token the decoded access token, or {@code null}
 */
public record AccessContext(String accessType, DecodedAccessToken token) {
}
