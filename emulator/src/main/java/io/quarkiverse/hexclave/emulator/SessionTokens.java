package io.quarkiverse.hexclave.emulator;

/**
 * The tokens of a session created by the emulator, as {@code POST /auth/sessions} returns them.
 *
 * @param refreshToken the opaque refresh token of the session (a secret)
 * @param accessToken an ES256 access token minted from the session (a secret)
 * @param sessionId the session id, equal to the {@code refresh_token_id} claim of the access tokens
 */
public record SessionTokens(String refreshToken, String accessToken, String sessionId) {

    /** Shows the session id only: both tokens are secrets. */
    @Override
    public String toString() {
        return "SessionTokens[sessionId=" + sessionId + ", refreshToken=****, accessToken=****]";
    }
}
