package io.quarkiverse.hexclave.jakarta.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;

import io.quarkiverse.hexclave.config.ConfigLookup;
import io.quarkiverse.hexclave.config.HexclaveConfigException;
import io.quarkiverse.hexclave.config.Secret;
import io.quarkiverse.hexclave.supabase.SupabaseTokens;

/**
 * Makes {@link SupabaseTokens} injectable from the {@code hexclave.supabase.*} keys, built on first injection (a
 * missing or short {@code hexclave.supabase.jwt-secret} fails that injection with a message naming the key).
 */
@ApplicationScoped
public class SupabaseTokensProducer {

    public static final String JWT_SECRET = "hexclave.supabase.jwt-secret";
    public static final String LIFETIME = "hexclave.supabase.lifetime";
    public static final String ALLOW_RESTRICTED_USERS = "hexclave.supabase.allow-restricted-users";
    public static final String ALLOW_ANONYMOUS_USERS = "hexclave.supabase.allow-anonymous-users";

    private final ConfigLookup lookup;
    private volatile SupabaseTokens tokens;

    /** For CDI: the keys come from MicroProfile Config, system properties and the environment. */
    public SupabaseTokensProducer() {
        this(null);
    }

    /** With the keys read from {@code lookup}, for tests. */
    public SupabaseTokensProducer(ConfigLookup lookup) {
        this.lookup = lookup;
    }

    @Produces
    public SupabaseTokens supabaseTokens() {
        SupabaseTokens t = tokens;
        if (t == null) {
            ConfigLookup l = lookup != null ? lookup : ConfigLookup.defaults();
            Secret secret = Secret.ofNullable(l.get(JWT_SECRET).orElse(null));
            if (secret == null) {
                throw new HexclaveConfigException("supabase.jwt-secret", "{key} is not set: SupabaseTokens needs your "
                        + "Supabase project's JWT secret");
            }
            t = SupabaseTokens.builder(secret).lifetime(l.duration(LIFETIME).orElse(SupabaseTokens.DEFAULT_LIFETIME))
                    .allowRestrictedUsers(l.bool(ALLOW_RESTRICTED_USERS).orElse(false))
                    .allowAnonymousUsers(l.bool(ALLOW_ANONYMOUS_USERS).orElse(false)).build();
            tokens = t;
        }
        return t;
    }
}
