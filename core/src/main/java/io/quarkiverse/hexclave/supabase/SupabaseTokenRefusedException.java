package io.quarkiverse.hexclave.supabase;

/**
 * No Supabase token is minted for this user: a restricted or anonymous user, and such users are not allowed (see
 * {@link SupabaseTokens.Builder#allowRestrictedUsers(boolean)}). The message names the user class only.
 */
public final class SupabaseTokenRefusedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    SupabaseTokenRefusedException(String message) {
        super(message);
    }
}
