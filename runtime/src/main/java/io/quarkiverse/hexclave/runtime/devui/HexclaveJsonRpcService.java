package io.quarkiverse.hexclave.runtime.devui;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;


import io.quarkiverse.hexclave.client.model.CreateApiKeyRequest;
import io.quarkiverse.hexclave.client.model.CreatedApiKey;
import io.quarkiverse.hexclave.client.HexclaveClient;
import io.quarkiverse.hexclave.client.model.ProjectPermission;
import io.quarkiverse.hexclave.client.model.ProjectPermissionQuery;
import io.quarkiverse.hexclave.client.model.TeamPermissionQuery;
import io.quarkiverse.hexclave.config.HexclaveSettings;
import io.quarkiverse.hexclave.runtime.devservices.DevServicesEmulator;
import io.quarkiverse.hexclave.runtime.devservices.EmulatorUsers;
import io.quarkiverse.hexclave.runtime.devservices.FrontendCoordinates;
import io.quarkiverse.hexclave.runtime.devservices.SignedInUser;
import io.quarkiverse.hexclave.runtime.webhook.WebhookDeliveryLog;
import io.quarkiverse.hexclave.verifier.AccessToken;
import io.quarkiverse.hexclave.verifier.Challenge;
import io.quarkiverse.hexclave.verifier.HexclavePrincipal;
import io.quarkiverse.hexclave.verifier.HexclaveTokenVerifier;
import io.quarkiverse.hexclave.verifier.JwksStatus;
import io.quarkiverse.hexclave.verifier.KeysUnavailableException;
import io.quarkiverse.hexclave.verifier.UserClass;
import io.quarkiverse.hexclave.verifier.Verification;

/**
 * The Dev UI's JSON-RPC methods for the Hexclave card (dev mode only): mint a token from the emulator, show the
 * effective configuration with secrets masked, show the JWKS cache, and verify a pasted token with the exact reason
 * it fails. Every method answers a JSON object; failures are answered as {@code {"error": "..."}}, never thrown.
 */
public class HexclaveJsonRpcService {

    private static final Logger LOG = Logger.getLogger(HexclaveJsonRpcService.class);

    private final HexclaveSettings settings;
    private final HexclaveTokenVerifier verifier;
    private final EmulatorUsers users;
    private final HexclaveClient client;
    private final Instance<DevServicesEmulator> emulator;
    private final Instance<WebhookDeliveryLog> webhookDeliveries;

    @Inject
    public HexclaveJsonRpcService(HexclaveSettings settings, HexclaveTokenVerifier verifier, HexclaveClient client,
            Instance<DevServicesEmulator> emulator, Instance<WebhookDeliveryLog> webhookDeliveries) {
        this.webhookDeliveries = webhookDeliveries;
        this.settings = settings;
        this.verifier = verifier;
        this.users = new EmulatorUsers(client);
        this.client = client;
        this.emulator = emulator;
    }

    /**
     * Creates a user of the class in the emulator and mints an access token of a new session.
     *
     * @param email the e-mail, or empty for a generated one
     * @param displayName the display name, or empty for a generated one
     * @param userClass {@code NORMAL}, {@code RESTRICTED} or {@code ANONYMOUS} (case-insensitive; empty: normal)
     */
    public Map<String, Object> mintToken(String email, String displayName, String userClass) {
        if (emulator.isUnsatisfied()) {
            return error("Tokens are minted by the Dev Services emulator, which is not running: "
                    + "quarkus.hexclave.api-url is set or quarkus.hexclave.devservices.enabled=false.");
        }
        UserClass cls;
        try {
            cls = userClass == null || userClass.isBlank() ? UserClass.NORMAL
                    : UserClass.valueOf(userClass.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return error("Unknown user class '" + userClass + "': use NORMAL, RESTRICTED or ANONYMOUS.");
        }
        try {
            return minted(users.create(email, displayName, cls));
        } catch (RuntimeException e) {
            LOG.debug("Minting a Dev UI token failed", e);
            return error("The emulator refused: " + e.getMessage());
        }
    }

    /**
     * Creates a user API key for an emulated user (the key value is shown once, here), with a {@code curl} that
     * calls the application with it.
     *
     * @param userId the user, e.g. one minted above
     */
    public Map<String, Object> createApiKey(String userId) {
        if (emulator.isUnsatisfied()) {
            return error("API keys are created in the Dev Services emulator, which is not running: "
                    + "quarkus.hexclave.api-url is set or quarkus.hexclave.devservices.enabled=false.");
        }
        if (userId == null || userId.isBlank()) {
            return error("Mint a token for a user first: the key is created for that user.");
        }
        try {
            CreatedApiKey created = client.userApiKeys().create(userId.strip(),
                    CreateApiKeyRequest.builder("Dev UI").build());
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("userId", created.key().ownerId());
            out.put("keyId", created.key().id());
            out.put("apiKey", created.value().value());
            int port = ConfigProvider.getConfig().getOptionalValue("quarkus.http.port", Integer.class).orElse(8080);
            out.put("curl", "curl -H 'x-hexclave-api-key: " + created.value().value() + "' http://localhost:" + port
                    + "/");
            return out;
        } catch (RuntimeException e) {
            LOG.debugf("Creating a Dev UI API key failed: %s", e.getClass().getName());
            return error("The emulator refused: " + e.getMessage());
        }
    }

    /** A new token of the demo user Dev Services seeded. */
    public Map<String, Object> mintDemoToken() {
        if (emulator.isUnsatisfied()) {
            return error("The Dev Services emulator is not running, so there is no demo user.");
        }
        DevServicesEmulator e = emulator.get();
        try {
            return minted(new SignedInUser(e.demoUserId(), Optional.of(e.demoUserEmail()), Optional.of("Demo User"),
                    UserClass.NORMAL, users.mint(e.demoUserId())));
        } catch (RuntimeException ex) {
            LOG.debug("Minting a Dev UI token failed", ex);
            return error("The emulator refused: " + ex.getMessage());
        }
    }

    /** The settings the application runs with; the secret server key is masked. */
    public Map<String, Object> effectiveConfig() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("projectId", settings.projectId());
        out.put("apiUrl", settings.apiUrl());
        out.put("emulator", emulator.isResolvable());
        out.put("issuerOrigins", settings.issuerOrigins());
        out.put("secretServerKey", settings.secretServerKey().map(s -> mask(s.value())).orElse("(not set)"));
        out.put("publishableClientKey", settings.publishableClientKey().orElse("(not set)"));
        out.put("verificationMode", settings.verificationMode().name().toLowerCase(Locale.ROOT));
        out.put("allowRestrictedUsers", settings.allowRestrictedUsers());
        out.put("allowAnonymousUsers", settings.allowAnonymousUsers());
        out.put("credentialSources", settings.credentialSources().stream().map(Enum::name).sorted().toList());
        out.put("clockSkew", settings.clockSkew().toString());
        out.put("jwksCacheTime", settings.jwksCacheTime().toString());
        out.put("jwksRefreshCooldown", settings.jwksRefreshCooldown().toString());
        verifier.signingKeys().ifPresent(keys -> out.put("jwksUri", keys.status().uri().toString()));
        emulator.stream().findFirst().ifPresent(e -> out.put("demoUser", e.demoUserEmail()));
        out.put("httpPort", ConfigProvider.getConfig().getOptionalValue("quarkus.http.port", Integer.class)
                .orElse(8080));
        return out;
    }

    /**
     * The last webhook deliveries, newest first: when, message id, event type, outcome and answered status (a refused
     * delivery shows its reason and no id, since an unverified id proves nothing).
     */
    public Map<String, Object> webhookDeliveries() {
        Map<String, Object> out = new LinkedHashMap<>();
        boolean enabled = ConfigProvider.getConfig().getOptionalValue("quarkus.hexclave.webhook.secret", String.class)
                .filter(v -> !v.isBlank()).isPresent();
        out.put("route", enabled ? "POST " + ConfigProvider.getConfig()
                .getOptionalValue("quarkus.hexclave.webhook.path", String.class).orElse("/hexclave/webhook")
                : "(none: quarkus.hexclave.webhook.secret is not set)");
        List<Map<String, Object>> rows = new ArrayList<>();
        webhookDeliveries.stream().findFirst().ifPresent(log -> log.entries().forEach(e -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("at", e.at().toString());
            row.put("id", e.id());
            row.put("type", e.type());
            row.put("outcome", e.outcome().name());
            row.put("status", e.status());
            row.put("detail", e.detail());
            rows.add(row);
        }));
        out.put("deliveries", rows);
        return out;
    }

    /**
     * What a frontend pastes into the JS SDK's {@code StackClientApp} options to sign users in against the Hexclave
     * this application uses (the Dev Services emulator, or the configured one): base URL, project id and publishable
     * client key, as values, as JavaScript options and as Vite {@code .env} lines. The secret server key is never part
     * of it.
     */
    public Map<String, Object> frontendConfig() {
        FrontendCoordinates coordinates = emulator.stream().findFirst()
                .map(e -> new FrontendCoordinates(e.apiUrl(), e.projectId(), Optional.of(e.publishableClientKey())))
                .orElseGet(() -> new FrontendCoordinates(settings.apiUrl(), settings.projectId(),
                        settings.publishableClientKey()));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("emulator", emulator.isResolvable());
        out.put("baseUrl", coordinates.baseUrl());
        out.put("projectId", coordinates.projectId());
        out.put("publishableClientKey", coordinates.publishableClientKey().orElse(null));
        out.put("stackClientAppOptions", coordinates.stackClientAppOptions());
        out.put("viteEnv", coordinates.viteEnv());
        return out;
    }

    /** The JWKS cache: the keys held, when fetched, when due, the last error. */
    public Map<String, Object> jwksStatus() {
        return verifier.signingKeys().map(keys -> status(keys.status()))
                .orElseGet(() -> error("The application verifies tokens through Hexclave's API (verification mode rest): "
                        + "it holds no signing keys."));
    }

    /** Fetches the keys now, then answers {@link #jwksStatus()}. */
    public Map<String, Object> refreshKeys() {
        if (verifier.signingKeys().isEmpty()) {
            return jwksStatus();
        }
        try {
            return status(verifier.signingKeys().get().refresh().toCompletableFuture().get(30, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return error("Interrupted");
        } catch (Exception e) {
            return error("The refresh did not complete: " + e.getClass().getSimpleName());
        }
    }

    /**
     * The user's permissions as Hexclave answers now (they are not in the token): project permission ids and team
     * permission ids by team, containment included; or the error, when Hexclave cannot be asked.
     */
    private Map<String, Object> permissions(String userId) {
        Map<String, Object> out = new LinkedHashMap<>();
        try {
            out.put("project", client.projectPermissions().list(ProjectPermissionQuery.ofUser(userId)).stream()
                    .map(ProjectPermission::id).sorted().toList());
            Map<String, List<String>> teams = new TreeMap<>();
            client.teamPermissions().list(TeamPermissionQuery.ofUser(userId))
                    .forEach(t -> teams.computeIfAbsent(t.teamId(), k -> new ArrayList<>()).add(t.id()));
            teams.values().forEach(Collections::sort);
            out.put("teams", teams);
        } catch (RuntimeException e) {
            out.put("error", "Hexclave could not be asked: " + e.getClass().getSimpleName());
        }
        return out;
    }

    /**
     * Verifies a token exactly as the application does (same verifier, same mode and user-class policy) and
     * explains the outcome: accepted with its principal, or rejected with the {@code RejectionReason} and its detail.
     * The token's header and claims are decoded (unverified) to help find what is wrong.
     *
     * @param token the access token, with or without a {@code Bearer } prefix
     */
    public Map<String, Object> verifyToken(String token) {
        Map<String, Object> out = new LinkedHashMap<>();
        String t = token == null ? "" : token.strip();
        if (t.regionMatches(true, 0, "Bearer ", 0, 7)) {
            t = t.substring(7).strip();
        }
        if (t.length() > AccessToken.MAX_LENGTH) {
            return error("That is not an access token (longer than " + AccessToken.MAX_LENGTH + " characters).");
        }
        AccessToken accessToken = AccessToken.of(t);
        Optional.ofNullable(accessToken.unverifiedHeader()).ifPresent(h -> out.put("header", h));
        Optional.ofNullable(accessToken.unverifiedClaims()).ifPresent(c -> out.put("claims", c));
        Verification outcome;
        try {
            // As the application does, on an endpoint that admits every class some endpoint admits.
            outcome = verifier.verify(accessToken, verifier.policy().anywhere());
        } catch (KeysUnavailableException e) {
            out.put("accepted", false);
            out.put("reason", "KEYS_UNAVAILABLE");
            out.put("description", "Hexclave's signing keys could not be fetched (the application answers "
                    + "quarkus.hexclave.keys-unavailable-status, 503 by default)");
            out.put("detail", e.getMessage());
            return out;
        }
        if (outcome instanceof Verification.Accepted accepted) {
            HexclavePrincipal p = accepted.principal();
            out.put("accepted", true);
            Map<String, Object> principal = new LinkedHashMap<>();
            principal.put("userId", p.userId());
            principal.put("userClass", p.userClass().name());
            p.email().ifPresent(e -> principal.put("email", e));
            p.displayName().ifPresent(n -> principal.put("displayName", n));
            p.sessionId().ifPresent(s -> principal.put("sessionId", s));
            principal.put("issuer", p.getIssuer());
            principal.put("audience", p.audience());
            principal.put("issuedAt", p.issuedAt().toString());
            principal.put("expiresAt", p.expiresAt().toString());
            principal.put("groups", List.copyOf(p.getGroups()));
            principal.put("admittedOnEveryEndpoint", verifier.policy().admitsEverywhere(p.userClass()));
            out.put("principal", principal);
            out.put("permissions", permissions(p.userId()));
        } else {
            Verification.Rejected rejected = (Verification.Rejected) outcome;
            out.put("accepted", false);
            out.put("reason", rejected.reason().name());
            out.put("description", rejected.reason().description());
            out.put("detail", rejected.detail());
            out.put("wwwAuthenticate", Challenge.unauthorized(rejected.reason()).wwwAuthenticate());
            hint(rejected, out.get("claims")).ifPresent(h -> out.put("hint", h));
        }
        return out;
    }

    // ---------------------------------------------------------------------------------------------------------

    /**
     * Where the reason alone leaves the developer guessing, say what to change: a restricted or anonymous user's token
     * (refused by policy, or signed with keys fetched only when such users are allowed somewhere), an expired token,
     * a token of another project.
     */
    private static Optional<String> hint(Verification.Rejected rejected, Object claims) {
        if (!(claims instanceof Map<?, ?> c)) {
            return Optional.empty();
        }
        boolean anonymous = Boolean.TRUE.equals(c.get("is_anonymous"));
        boolean restricted = anonymous || Boolean.TRUE.equals(c.get("is_restricted"));
        return switch (rejected.reason()) {
            case UNKNOWN_KEY, RESTRICTED_USER_NOT_ALLOWED, ANONYMOUS_USER_NOT_ALLOWED -> anonymous
                    ? Optional.of("This is an anonymous user's token. Anonymous users are not allowed: set "
                            + "quarkus.hexclave.allow-anonymous-users=true or annotate the endpoints "
                            + "meant for them with @AllowAnonymousUsers.")
                    : restricted
                            ? Optional.of("This is a restricted user's token. Restricted users are not allowed: set "
                                    + "quarkus.hexclave.allow-restricted-users=true or annotate the "
                                    + "endpoints meant for them with @AllowRestrictedUsers.")
                            : Optional.empty();
            case EXPIRED -> Optional.of("Mint a new token: Hexclave access tokens live 10 minutes.");
            case WRONG_ISSUER, WRONG_AUDIENCE -> Optional.of("The token was issued for another project or Hexclave "
                    + "than quarkus.hexclave.project-id / api-url (see the effective configuration below).");
            default -> Optional.empty();
        };
    }

    private Map<String, Object> minted(SignedInUser user) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("userId", user.userId());
        user.email().ifPresent(e -> out.put("email", e));
        user.displayName().ifPresent(n -> out.put("displayName", n));
        out.put("userClass", user.userClass().name());
        out.put("token", user.token());
        out.put("authorizationHeader", user.authorizationHeader());
        int port = ConfigProvider.getConfig().getOptionalValue("quarkus.http.port", Integer.class).orElse(8080);
        out.put("curl", "curl -H 'Authorization: " + user.authorizationHeader() + "' http://localhost:" + port + "/");
        return out;
    }

    private static Map<String, Object> status(JwksStatus s) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("uri", s.uri().toString());
        out.put("hasKeys", s.hasKeys());
        out.put("keyIds", s.keyIds().stream().sorted().toList());
        out.put("fetchedAt", s.fetchedAt().map(Object::toString).orElse(null));
        out.put("expiresAt", s.expiresAt().map(Object::toString).orElse(null));
        out.put("fetches", s.fetches());
        out.put("lastError", s.lastError().orElse(null));
        out.put("lastErrorAt", s.lastErrorAt().map(Object::toString).orElse(null));
        return out;
    }

    /** {@code ssk_em…****}: enough to tell keys apart, not enough to use one. */
    static String mask(String secret) {
        if (secret == null || secret.isEmpty()) {
            return "(not set)";
        }
        int shown = Math.min(6, secret.length() / 4);
        return secret.substring(0, shown) + "…****";
    }

    private static Map<String, Object> error(String message) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("error", message);
        return out;
    }
}
