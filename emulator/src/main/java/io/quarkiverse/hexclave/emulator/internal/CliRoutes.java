package io.quarkiverse.hexclave.emulator.internal;

import java.time.Instant;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** The CLI login flow (§9.5): start, poll, complete. */
final class CliRoutes {

    static final long DEFAULT_EXPIRY_MILLIS = 120_000;
    static final long MAX_EXPIRY_MILLIS = 900_000;

    private final EmulatedProject project;
    private final EmulatorStore store;

    CliRoutes(EmulatedProject project) {
        this.project = project;
        this.store = project.store();
    }

    void register(ApiServer server) {
        server.route("POST", "/api/v1/auth/cli", true, this::start);
        server.route("POST", "/api/v1/auth/cli/poll", true, this::poll);
        server.route("POST", "/api/v1/auth/cli/complete", true, this::complete);
    }

    private ApiResponse start(ApiRequest r) {
        r.requireAccess("client", "server", "admin");
        r.allowQuery();
        ApiRequest.Body body = r.body(false, "expires_in_millis", "anon_refresh_token");
        Long expiresIn = body.number("expires_in_millis");
        if (expiresIn != null && (expiresIn <= 0 || expiresIn > MAX_EXPIRY_MILLIS)) {
            throw KnownError.schemaError("body.expires_in_millis must be between 1 and " + MAX_EXPIRY_MILLIS);
        }
        String anonRefreshToken = body.string("anon_refresh_token");
        if (anonRefreshToken != null) {
            StoredSession s = store.liveSessionByRefreshToken(anonRefreshToken);
            StoredUser u = s == null ? null : store.user(s.userId);
            if (u == null || !u.anonymous) {
                throw new StatusError(400, "The anon_refresh_token does not belong to an anonymous user session.");
            }
        }
        CliAttempt attempt = store.startCli(expiresIn == null ? DEFAULT_EXPIRY_MILLIS : expiresIn);
        ObjectNode out = Json.object();
        out.put("polling_code", attempt.pollingCode);
        out.put("login_code", attempt.loginCode);
        out.put("expires_at", Instant.ofEpochMilli(attempt.expiresAtMillis).toString());
        return ApiResponse.json(200, out);
    }

    private ApiResponse poll(ApiRequest r) {
        r.requireAccess("client", "server", "admin");
        r.allowQuery();
        String code = r.body(true, "polling_code").requireString("polling_code");
        synchronized (store) {
            CliAttempt attempt = store.cliByPollingCode(code);
            if (attempt == null) {
                throw new KnownError(400, "INVALID_POLLING_CODE", "The polling code is invalid or does not exist.");
            }
            if (attempt.used) {
                return ApiResponse.json(200, Json.object().put("status", "used"));
            }
            if (attempt.refreshToken != null) {
                attempt.used = true;
                return ApiResponse.json(201, Json.object().put("status", "success").put("refresh_token", attempt.refreshToken));
            }
            if (attempt.expiresAtMillis <= store.nowMillis()) {
                return ApiResponse.json(200, Json.object().put("status", "expired"));
            }
            return ApiResponse.json(200, Json.object().put("status", "waiting"));
        }
    }

    private ApiResponse complete(ApiRequest r) {
        r.requireAccess("client", "server", "admin");
        r.allowQuery();
        ApiRequest.Body body = r.body(true, "login_code", "mode", "refresh_token");
        String loginCode = body.requireString("login_code");
        String mode = body.string("mode") == null ? "complete" : body.string("mode");
        String refreshToken = body.string("refresh_token");
        synchronized (store) {
            CliAttempt attempt = store.cliByLoginCode(loginCode);
            if (attempt == null || attempt.expiresAtMillis <= store.nowMillis() || attempt.refreshToken != null) {
                throw new StatusError(400, "Invalid login code or the code has expired");
            }
            switch (mode) {
                case "check":
                    return ApiResponse.json(200, Json.object().put("cli_session_state", "none"));
                case "complete": {
                    if (refreshToken == null) {
                        throw KnownError.schemaError("body.refresh_token must be defined when mode is complete");
                    }
                    StoredSession s = store.liveSessionByRefreshToken(refreshToken);
                    if (s == null) {
                        throw KnownError.refreshTokenNotFoundOrExpired();
                    }
                    attempt.refreshToken = s.refreshToken;
                    return ApiResponse.success();
                }
                case "claim-anon-session":
                    throw new StatusError(400, "The Hexclave emulator does not support claim-anon-session.");
                default:
                    throw KnownError.schemaError("body.mode must be one of the following values: check, claim-anon-session, complete");
            }
        }
    }
}
