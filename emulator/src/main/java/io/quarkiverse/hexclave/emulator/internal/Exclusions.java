package io.quarkiverse.hexclave.emulator.internal;

import java.util.List;

/**
 * The operations of Hexclave's API the emulator deliberately does not serve, each group with its reason: {@link #ALL}
 * of the server document (those the client document also has are not served with client access either), and
 * {@link #CLIENT_ONLY}, operations only the client document has. They are answered {@code 501} with that reason (never
 * a bare 404). Every other operation of either document is served; the emulator's coverage test holds the lists
 * against both documents.
 */
public final class Exclusions {

    /** A group of excluded operations ({@code "METHOD /path"}, as in the OpenAPI document) and why. */
    public record Exclusion(String area, String reason, List<String> operations) {
    }

    public static final List<Exclusion> ALL = List.of(
            new Exclusion("Analytics", "queries Hexclave's ClickHouse event store, which has no local equivalent",
                    List.of("POST /analytics/query", "POST /analytics/query/timing")),
            new Exclusion("Session replays", "recordings are uploaded by the browser SDK, which the emulator does not host",
                    List.of("GET /session-replays", "GET /session-replays/{session_replay_id}",
                            "GET /session-replays/{session_replay_id}/chunks",
                            "GET /session-replays/{session_replay_id}/chunks/{chunk_id}/events",
                            "GET /session-replays/{session_replay_id}/events")),
            new Exclusion("Payments", "needs Stripe and the project's product catalogue",
                    List.of("GET /payments/items/{customer_type}/{customer_id}/{item_id}",
                            "POST /payments/items/{customer_type}/{customer_id}/{item_id}/update-quantity",
                            "POST /payments/purchases/create-purchase-url", "POST /payments/purchases/purchase-session",
                            "POST /payments/purchases/validate-code")),
            new Exclusion("Outgoing e-mail", "the emulator sends no e-mail; the codes e-mails would carry are read "
                    + "through HexclaveEmulator.pendingCodes()",
                    List.of("POST /emails/send-email", "GET /emails/outbox", "GET /emails/outbox/{id}",
                            "PATCH /emails/outbox/{id}", "GET /emails/delivery-info", "POST /emails/capacity-boost")),
            new Exclusion("MFA sign-in", "TOTP multi-factor sign-in is not emulated; users with requires_totp_mfa "
                    + "sign in with their password alone", List.of("POST /auth/mfa/sign-in")),
            new Exclusion("OAuth sign-in", "browser redirects to real OAuth providers cannot be emulated offline "
                    + "(POST /auth/oauth/token serves the refresh_token grant only); link accounts with POST /oauth-providers",
                    List.of("GET /auth/oauth/authorize/{provider_id}", "POST /auth/oauth/cross-domain/authorize")),
            new Exclusion("Browser actions", "acts through the browser SDK on a trusted origin (impersonation links, "
                    + "clickmap overlay), which comes with the frontend flows",
                    List.of("POST /browser-actions")));

    /** Operations of the client document the server document lacks, not served. */
    public static final List<Exclusion> CLIENT_ONLY = List.of(
            new Exclusion("Agent auth", "Hexclave's Agent Auth app, by which an AI agent registers itself, a human "
                    + "approves it on the app's confirm page and the agent polls for its session (with the auth.md guide "
                    + "and discovery document describing that flow), is a hosted flow for agents and frontends, not a "
                    + "backend's; the sessions it hands out are verified like any other",
                    List.of("GET /agent/auth.md", "GET /agent/discovery", "POST /agent/register",
                            "POST /agent/register/confirm", "POST /agent/register/poll")));

    private Exclusions() {
    }

    /** Registers a 501 answer with the reason for every excluded operation. */
    static void register(ApiServer server) {
        for (Exclusion e : java.util.stream.Stream.concat(ALL.stream(), CLIENT_ONLY.stream()).toList()) {
            for (String operation : e.operations()) {
                int space = operation.indexOf(' ');
                String regex = "/api/v1" + operation.substring(space + 1).replaceAll("\\{[^}]+}", "[^/]+");
                String message = "The Hexclave emulator does not serve " + operation + " (" + e.area() + "): "
                        + e.reason() + ".";
                server.route(operation.substring(0, space), regex, false, r -> ApiResponse.text(501, message));
            }
        }
    }
}
