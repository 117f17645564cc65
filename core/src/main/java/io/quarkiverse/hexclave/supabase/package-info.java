/**
 * Tokens for Supabase (and any service that trusts HS256 JWTs signed with its own secret) minted from a verified
 * Hexclave user: {@link io.quarkiverse.hexclave.supabase.SupabaseTokens}.
 */
package io.quarkiverse.hexclave.supabase;
