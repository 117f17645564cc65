package io.quarkiverse.hexclave.client;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkiverse.hexclave.client.model.CliLoginAttempt;
import io.quarkiverse.hexclave.client.model.CliPollResult;
import io.quarkiverse.hexclave.config.Secret;

/**
 * Hexclave's CLI login (wire reference §9.5). The CLI's side, {@link #start(Optional)} and {@link #poll(Secret)}, uses
 * client access: the publishable client key is sent only when configured, so a project id is enough for projects
 * that do not require one. Most programs use {@link io.quarkiverse.hexclave.cli.HexclaveCliLogin}, which drives these
 * calls. The confirming side, {@link #check(String)} and {@link #complete(String, Secret)}, lets a Java web app host
 * the page where a signed-in user confirms a CLI login; it uses server access when a secret server key is configured.
 */
public final class CliAuthApi {

    /** Longest attempt Hexclave allows. */
    public static final Duration MAX_EXPIRES_IN = Duration.ofMinutes(15);

    private final RequestSender sender;

    CliAuthApi(RequestSender sender) {
        this.sender = sender;
    }

    /** Starts a login ({@code POST /auth/cli}); {@code expiresIn} empty means Hexclave's default (2 minutes). */
    public CompletionStage<CliLoginAttempt> startAsync(Optional<Duration> expiresIn) {
        ObjectNode body = Json.MAPPER.createObjectNode();
        try {
            Objects.requireNonNull(expiresIn, "expiresIn").ifPresent(d -> {
                if (d.isNegative() || d.isZero() || d.compareTo(MAX_EXPIRES_IN) > 0) {
                    throw new IllegalArgumentException("expiresIn must be positive and at most 15 minutes, got " + d);
                }
                body.put("expires_in_millis", d.toMillis());
            });
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        return sender.send(ApiCall.of("POST", "/auth/cli", Access.CLIENT).withBody(body)).thenApply(r -> {
            JsonNode json = Json.tree(r);
            Instant expiresAt = null;
            if (json.path("expires_at").isTextual()) {
                try {
                    expiresAt = Instant.parse(json.get("expires_at").asText());
                } catch (DateTimeParseException ignored) {
                    // lenient: the attempt still works, only the deadline is unknown
                }
            }
            return new CliLoginAttempt(new Secret(Json.requiredText(r, json, "polling_code")),
                    Json.requiredText(r, json, "login_code"), expiresAt);
        });
    }

    /** Starts a login ({@code POST /auth/cli}). */
    public CliLoginAttempt start(Optional<Duration> expiresIn) {
        return sender.blocking(() -> startAsync(expiresIn));
    }

    /**
     * Asks once whether the login was confirmed ({@code POST /auth/cli/poll}, never retried: the refresh token is
     * handed out once). {@code InvalidPollingCodeException} for an unknown code.
     */
    public CompletionStage<CliPollResult> pollAsync(Secret pollingCode) {
        if (pollingCode == null) {
            return CompletableFuture.failedFuture(new NullPointerException("pollingCode"));
        }
        ObjectNode body = Json.MAPPER.createObjectNode().put("polling_code", pollingCode.value());
        return sender.send(ApiCall.of("POST", "/auth/cli/poll", Access.CLIENT).withBody(body)).thenApply(r -> {
            JsonNode json = Json.tree(r);
            String status = json.path("status").asText("");
            return switch (status) {
                case "waiting" -> new CliPollResult(CliPollResult.Status.WAITING, Optional.empty());
                case "expired" -> new CliPollResult(CliPollResult.Status.EXPIRED, Optional.empty());
                case "used" -> new CliPollResult(CliPollResult.Status.USED, Optional.empty());
                case "success" -> new CliPollResult(CliPollResult.Status.SUCCESS,
                        Optional.of(new Secret(Json.requiredText(r, json, "refresh_token"))));
                default -> throw HexclaveErrors.unexpectedBody(r);
            };
        });
    }

    /** Asks once whether the login was confirmed. */
    public CliPollResult poll(Secret pollingCode) {
        return sender.blocking(() -> pollAsync(pollingCode));
    }

    /** What {@link #check(String)} finds about the CLI's own session. */
    public enum CliSessionState {
        /** The CLI started the login from an anonymous session (which {@code claim-anon-session} could take over). */
        ANONYMOUS,
        /** The CLI has no session of its own. */
        NONE
    }

    /**
     * Whether a login code is pending, and what session the CLI brought ({@code POST /auth/cli/complete} with
     * {@code mode=check}). An unknown or expired code is Hexclave's plain-text 400, an
     * {@link io.quarkiverse.hexclave.client.error.UnknownHexclaveErrorException} with status 400.
     */
    public CompletionStage<CliSessionState> checkAsync(String loginCode) {
        return RequestSender.guard(() -> sender.send(ApiCall.of("POST", "/auth/cli/complete", Access.SERVER_IF_CONFIGURED)
                .withBody(Json.MAPPER.createObjectNode().put("login_code", RequestSender.required(loginCode, "login_code"))
                        .put("mode", "check")))
                .thenApply(r -> switch (Json.tree(r).path("cli_session_state").asText("")) {
                    case "anonymous" -> CliSessionState.ANONYMOUS;
                    case "none" -> CliSessionState.NONE;
                    default -> throw HexclaveErrors.unexpectedBody(r);
                }));
    }

    /** Whether a login code is pending, and what session the CLI brought. */
    public CliSessionState check(String loginCode) {
        return sender.blocking(() -> checkAsync(loginCode));
    }

    /**
     * Confirms a CLI login for the user of {@code refreshToken}, the confirming user's own session ({@code POST
     * /auth/cli/complete} with {@code mode=complete}, never retried): the CLI's next poll receives a refresh token of
     * that user. {@code RefreshTokenNotFoundOrExpiredException} if the session is gone; an unknown or expired login
     * code is Hexclave's plain-text 400.
     */
    public CompletionStage<Void> completeAsync(String loginCode, Secret refreshToken) {
        return RequestSender.guard(() -> sender.send(ApiCall.of("POST", "/auth/cli/complete", Access.SERVER_IF_CONFIGURED)
                .withBody(Json.MAPPER.createObjectNode().put("login_code", RequestSender.required(loginCode, "login_code"))
                        .put("mode", "complete")
                        .put("refresh_token", Objects.requireNonNull(refreshToken, "refreshToken").value())))
                .thenApply(r -> null));
    }

    /** Confirms a CLI login for the user of {@code refreshToken}. */
    public void complete(String loginCode, Secret refreshToken) {
        sender.blocking(() -> completeAsync(loginCode, refreshToken));
    }
}
