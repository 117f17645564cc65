package io.quarkiverse.hexclave.client;

import java.util.Set;

/**
 * The operation of a call for metrics: its method and path template, {@code GET /users/{id}} for
 * {@code GET /users/6c8f…}. A path segment that is not a literal segment of Hexclave's API is an id (a user, team,
 * permission, key …) and becomes {@code {id}}, so that no id reaches a metric tag.
 */
final class Operations {

    /** Every literal path segment of Hexclave's server and client OpenAPI documents ({@code OperationsTest} checks). */
    static final Set<String> LITERAL_SEGMENTS = Set.of(
            "accept", "agent", "analytics", "anonymous", "auth", "auth.md", "authorize", "browser-actions",
            "capacity-boost", "check", "check-code", "chunks", "cli", "complete", "confirm", "connected-accounts",
            "contact-channels", "create-purchase-url", "cross-domain", "current", "data-vault", "delivery-info",
            "details", "discovery", "emails", "events", "get", "items", "me", "mfa", "notification-preference",
            "oauth", "oauth-providers", "otp", "outbox", "password", "payments", "poll", "project-permissions",
            "projects", "purchase-session", "purchases", "query", "refresh", "register", "reset", "send-code",
            "send-email", "send-reset-code", "send-sign-in-code", "send-verification-code", "session-replays",
            "sessions", "set", "sign-in", "sign-up", "stores", "team-api-keys", "team-invitations",
            "team-member-profiles", "team-memberships", "team-permissions", "teams", "timing", "token", "update",
            "update-quantity", "user-api-keys", "users", "validate-code", "verify");

    private Operations() {
    }

    /** {@code method} and {@code path} (under {@code /api/v1}, without query) with every id replaced. */
    static String of(String method, String path) {
        StringBuilder out = new StringBuilder(method).append(' ');
        String[] segments = path.split("/", -1);
        for (int i = 1; i < segments.length; i++) {
            out.append('/').append(LITERAL_SEGMENTS.contains(segments[i]) || segments[i].isEmpty() ? segments[i] : "{id}");
        }
        return segments.length <= 1 ? out.append('/').toString() : out.toString();
    }
}
