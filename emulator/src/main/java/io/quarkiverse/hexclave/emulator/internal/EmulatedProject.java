package io.quarkiverse.hexclave.emulator.internal;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.lang.JoseException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkiverse.hexclave.emulator.NewUser;
import io.quarkiverse.hexclave.emulator.UserClass;

/**
 * One emulated Hexclave project: settings, store, keys and faults, plus the operations shared by the Java API and the
 * HTTP routes (minting, decoding, creating users and sessions).
 */
public final class EmulatedProject {

    private final EmulatorSettings settings;
    private final EmulatorStore store;
    private final KeyRing keyRing = new KeyRing();
    private final JwksFaultState faults = new JwksFaultState();
    private volatile String apiUrl;

    private final WebhookOutbox webhooks;

    public EmulatedProject(EmulatorSettings settings) {
        this.settings = settings;
        this.store = new EmulatorStore(settings.clock());
        this.webhooks = new WebhookOutbox(store, settings.clock());
        store.events(new WebhookEvents());
    }

    /** The webhook deliveries of the project's changes. */
    public WebhookOutbox webhooks() {
        return webhooks;
    }

    /** Turns the store's changes into webhook events with the data of wire reference §12.1. */
    private final class WebhookEvents implements StoreEvents {

        @Override
        public void userCreated(StoredUser user) {
            webhooks.emit("user.created", () -> UserViews.server(user, EmulatedProject.this));
        }

        @Override
        public void userUpdated(StoredUser user) {
            webhooks.emit("user.updated", () -> UserViews.server(user, EmulatedProject.this));
        }

        @Override
        public void userDeleted(String userId, List<String> teamIds) {
            webhooks.emit("user.deleted", () -> {
                ObjectNode data = Json.object().put("id", userId);
                ArrayNode teams = data.putArray("teams");
                teamIds.forEach(id -> teams.add(Json.object().put("id", id)));
                return data;
            });
        }

        @Override
        public void teamCreated(StoredTeam team) {
            webhooks.emit("team.created", () -> TeamViews.server(team));
        }

        @Override
        public void teamUpdated(StoredTeam team) {
            webhooks.emit("team.updated", () -> TeamViews.server(team));
        }

        @Override
        public void teamDeleted(String teamId) {
            webhooks.emit("team.deleted", () -> Json.object().put("id", teamId));
        }

        @Override
        public void membershipCreated(String teamId, String userId) {
            webhooks.emit("team_membership.created", () -> Json.object().put("team_id", teamId).put("user_id", userId));
        }

        @Override
        public void membershipDeleted(String teamId, String userId) {
            webhooks.emit("team_membership.deleted", () -> Json.object().put("team_id", teamId).put("user_id", userId));
        }

        @Override
        public void teamPermissionCreated(String teamId, String userId, String permissionId) {
            webhooks.emit("team_permission.created", () -> Json.object().put("id", permissionId).put("user_id", userId)
                    .put("team_id", teamId));
        }

        @Override
        public void teamPermissionDeleted(String teamId, String userId, String permissionId) {
            webhooks.emit("team_permission.deleted", () -> Json.object().put("id", permissionId).put("user_id", userId)
                    .put("team_id", teamId));
        }
    }

    public EmulatorSettings settings() {
        return settings;
    }

    public EmulatorStore store() {
        return store;
    }

    public KeyRing keyRing() {
        return keyRing;
    }

    public JwksFaultState faults() {
        return faults;
    }

    public String projectId() {
        return settings.projectId();
    }

    public void apiUrl(String apiUrl) {
        this.apiUrl = apiUrl;
    }

    /** The origin of the running server, or {@code null} before start. */
    public String apiUrl() {
        return apiUrl;
    }

    /** The origin stamped into {@code iss}: the configured one, else the server's own origin. */
    public String issuerOrigin() {
        if (settings.issuerOrigin() != null) {
            return settings.issuerOrigin();
        }
        if (apiUrl == null) {
            throw new IllegalStateException("The emulator is not started: start() it or set an issuerOrigin");
        }
        return apiUrl;
    }

    /** Origins whose issuers the emulator accepts: the issuer origin, the server origin, and the rebrand alias (§3.3). */
    public Set<String> acceptedIssuerOrigins() {
        Set<String> origins = new LinkedHashSet<>();
        String origin = issuerOrigin();
        origins.add(origin);
        if (apiUrl != null) {
            origins.add(apiUrl);
        }
        if (origin.contains("://api.hexclave.com") || origin.contains("://api.dev.hexclave.com")
                || origin.contains("://api.staging.hexclave.com")) {
            origins.add(origin.replace("hexclave.com", "stack-auth.com"));
        } else if (origin.contains("stack-auth.com")) {
            origins.add(origin.replace("stack-auth.com", "hexclave.com"));
        }
        return origins;
    }

    public boolean requireEmailVerification() {
        return settings.requireEmailVerification();
    }

    // ------------------------------------------------------------------ users and sessions

    /** Creates a user from the Java API's description, with the password to sign in with (or {@code null}). */
    public StoredUser createUser(NewUser spec, String password) {
        synchronized (store) {
            if (spec.primaryEmailAuthEnabled() && spec.primaryEmail() != null
                    && store.authEmailOwner(spec.primaryEmail(), null) != null) {
                throw new IllegalArgumentException("Another user already signs in with this e-mail");
            }
            StoredUser u = store.newUserRow();
            if (spec.signedUpAt() != null) {
                u.signedUpAtMillis = spec.signedUpAt().toEpochMilli();
                u.lastActiveAtMillis = u.signedUpAtMillis;
            }
            u.updatePrimaryEmail(true, spec.primaryEmail(), spec.emailVerified(), spec.primaryEmailAuthEnabled(),
                    u.signedUpAtMillis);
            u.displayName = spec.displayName() == null || spec.displayName().isEmpty() ? null : spec.displayName();
            u.anonymous = spec.anonymous();
            u.restrictedByAdmin = spec.restrictedByAdmin();
            u.restrictedByAdminReason = spec.restrictedByAdmin() ? spec.restrictedByAdminReason() : null;
            u.restrictedByAdminPrivateDetails = spec.restrictedByAdmin() ? spec.restrictedByAdminPrivateDetails() : null;
            u.serverMetadata = Json.tree(spec.serverMetadata());
            u.clientMetadata = Json.tree(spec.clientMetadata());
            u.clientReadOnlyMetadata = Json.tree(spec.clientReadOnlyMetadata());
            u.password(password);
            u.requiresTotpMfa = spec.requiresTotpMfa();
            u.profileImageUrl = spec.profileImageUrl();
            return store.addUser(u);
        }
    }

    public UserClass userClass(StoredUser user) {
        return user.userClass(settings.requireEmailVerification());
    }

    /** Mints a normal access token for a session: the class, claims, issuer and key follow the user. */
    public String mintAccessToken(StoredUser user, String sessionId) {
        UserClass userClass = userClass(user);
        long iat = store.nowMillis() / 1000;
        long exp = iat + settings.accessTokenLifetime().toSeconds();
        var key = keyRing.signingKey(userClass); // read once: rotateKeys() may run concurrently
        ObjectNode header = header(key.kid());
        ObjectNode claims = claims(user, sessionId, userClass, issuerOrigin(), iat, exp);
        return AccessTokenSigner.sign(header, claims, key);
    }

    /**
     * A new access token for the live session of a refresh token (marks the session and user active): the one path of
     * {@code POST /auth/sessions/current/refresh} and the token endpoint's {@code refresh_token} grant.
     *
     * @throws KnownError {@code REFRESH_TOKEN_NOT_FOUND_OR_EXPIRED}
     */
    public String refreshAccessToken(String refreshToken) {
        synchronized (store) {
            StoredSession s = store.liveSessionByRefreshToken(refreshToken);
            if (s == null) {
                throw KnownError.refreshTokenNotFoundOrExpired();
            }
            StoredUser user = store.user(s.userId);
            long now = store.nowMillis();
            s.lastUsedAtMillis = now;
            user.lastActiveAtMillis = now;
            return mintAccessToken(user, s.id);
        }
    }

    /** The protected header of a genuine token: exactly {@code {"alg":"ES256","kid":…}}. */
    public static ObjectNode header(String kid) {
        ObjectNode header = Json.object();
        header.put("alg", "ES256");
        header.put("kid", kid);
        return header;
    }

    /** The claims of a genuine token, in the order the backend writes them (§3.2). */
    public ObjectNode claims(StoredUser user, String sessionId, UserClass userClass, String origin, long iat, long exp) {
        ObjectNode c = Json.object();
        c.put("sub", user.id);
        c.put("project_id", projectId());
        c.put("branch_id", "main");
        c.put("refresh_token_id", sessionId);
        c.put("role", "authenticated");
        c.put("name", user.displayName);
        c.put("email", user.primaryEmail());
        c.put("email_verified", user.primaryEmailVerified());
        c.put("selected_team_id", user.selectedTeamId);
        c.put("signed_up_at", user.signedUpAtMillis / 1000);
        c.put("is_anonymous", userClass == UserClass.ANONYMOUS);
        c.put("is_restricted", userClass != UserClass.NORMAL);
        if (userClass == UserClass.NORMAL) {
            c.putNull("restricted_reason");
        } else {
            String type = userClass == UserClass.ANONYMOUS ? "anonymous" : user.restrictedReasonType(settings.requireEmailVerification());
            if (type == null || type.equals("anonymous") && userClass != UserClass.ANONYMOUS) {
                type = "restricted_by_administrator";
            }
            c.putObject("restricted_reason").put("type", type);
        }
        c.put("requires_totp_mfa", user.requiresTotpMfa);
        c.put("iss", userClass.issuer(origin, projectId()));
        c.put("iat", iat);
        c.put("aud", userClass.audience(projectId()));
        c.put("exp", exp);
        return c;
    }

    // ------------------------------------------------------------------ decoding (what the backend does with x-*-access-token)

    /**
     * Decodes an access token as the backend does (§2.3 step 4, §3.3, §3.5): signature by a published key of the
     * audience's class, issuer, expiry, project, consistency rules, then the allow-restricted/anonymous flags.
     *
     * @throws KnownError {@code UNPARSABLE_ACCESS_TOKEN}, {@code ACCESS_TOKEN_EXPIRED}, {@code INVALID_PROJECT_FOR_ACCESS_TOKEN},
     *         {@code ANONYMOUS_AUTHENTICATION_NOT_ALLOWED} or {@code RESTRICTED_USER_NOT_ALLOWED}
     */
    public DecodedAccessToken decode(String token, boolean allowRestricted, boolean allowAnonymous) {
        ObjectNode claims;
        KeyRing.SigningKey key;
        try {
            JsonWebSignature jws = new JsonWebSignature();
            jws.setCompactSerialization(token);
            if (!AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256.equals(jws.getAlgorithmHeaderValue())) {
                throw unparsable();
            }
            key = keyRing.find(jws.getKeyIdHeaderValue());
            if (key == null) {
                throw unparsable();
            }
            jws.setAlgorithmConstraints(new AlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT,
                    AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256));
            jws.setKey(key.jwk().getPublicKey());
            if (!jws.verifySignature()) {
                throw unparsable();
            }
            JsonNode parsed = Json.MAPPER.readTree(jws.getUnverifiedPayload());
            if (!(parsed instanceof ObjectNode)) {
                throw unparsable();
            }
            claims = (ObjectNode) parsed;
        } catch (JoseException | java.io.IOException | RuntimeException e) {
            if (e instanceof KnownError known) {
                throw known;
            }
            throw unparsable();
        }
        JsonNode aud = claims.get("aud");
        if (aud == null || !aud.isTextual()) {
            throw unparsable();
        }
        String audience = aud.asText();
        int colon = audience.indexOf(':');
        String audienceProject = colon < 0 ? audience : audience.substring(0, colon);
        String suffix = colon < 0 ? "" : audience.substring(colon);
        UserClass audienceClass = switch (suffix) {
            case "" -> UserClass.NORMAL;
            case ":restricted" -> UserClass.RESTRICTED;
            case ":anon" -> UserClass.ANONYMOUS;
            default -> throw unparsable();
        };
        if (key.userClass() != audienceClass) {
            throw unparsable(); // keys are per audience: another class's key does not verify this audience
        }
        String iss = claims.path("iss").asText(null);
        boolean issuerOk = false;
        for (String origin : acceptedIssuerOrigins()) {
            issuerOk |= audienceClass.issuer(origin, audienceProject).equals(iss);
        }
        if (!issuerOk) {
            throw unparsable();
        }
        JsonNode exp = claims.get("exp");
        if (exp != null && !exp.isNumber()) {
            throw unparsable();
        }
        String userId = claims.path("sub").isTextual() ? claims.get("sub").asText() : null;
        String sessionId = text(claims, "refresh_token_id", "refreshTokenId");
        if (exp != null && exp.asLong() * 1000 <= store.nowMillis()) {
            throw new KnownError(401, "ACCESS_TOKEN_EXPIRED",
                    "Access token has expired. Please refresh it and try again.",
                    KnownError.details("expired_at_millis", exp.asLong() * 1000, "project_id", audienceProject,
                            "user_id", userId, "refresh_token_id", sessionId));
        }
        if (!audienceProject.equals(projectId())) {
            throw new KnownError(401, "INVALID_PROJECT_FOR_ACCESS_TOKEN",
                    "Access token not valid for this project.",
                    KnownError.details("expected_project_id", projectId(), "actual_project_id", audienceProject));
        }
        JsonNode anonymousNode = claims.get("is_anonymous");
        if (userId == null || sessionId == null || anonymousNode == null || !anonymousNode.isBoolean()
                || !"main".equals(text(claims, "branch_id", "branchId"))) {
            throw unparsable();
        }
        boolean anonymous = anonymousNode.asBoolean();
        JsonNode restrictedNode = claims.get("is_restricted");
        boolean restricted = restrictedNode == null ? anonymous : restrictedNode.asBoolean();
        JsonNode reason = claims.has("restricted_reason") ? claims.get("restricted_reason")
                : anonymous ? Json.object().put("type", "anonymous") : NullNode.getInstance();
        boolean hasReason = reason != null && !reason.isNull();
        if ((anonymous && !restricted) || (restricted != hasReason)
                || (anonymous != (audienceClass == UserClass.ANONYMOUS))
                || (audienceClass == UserClass.RESTRICTED && !(restricted && !anonymous))
                || (restricted && !anonymous && audienceClass != UserClass.RESTRICTED)) {
            throw unparsable();
        }
        if (anonymous && !allowAnonymous) {
            throw new KnownError(401, "ANONYMOUS_AUTHENTICATION_NOT_ALLOWED",
                    "X-Hexclave-Access-Token is for an anonymous user, but anonymous users are not enabled. Set the X-Hexclave-Allow-Anonymous-User header of this request to 'true' to allow anonymous users.");
        }
        if (restricted && !anonymous && !allowRestricted && !allowAnonymous) {
            throw new KnownError(403, "RESTRICTED_USER_NOT_ALLOWED",
                    "The user is restricted. Set the X-Hexclave-Allow-Restricted-User header of this request to 'true' to allow restricted users.",
                    KnownError.details("restricted_reason", reason));
        }
        return new DecodedAccessToken(userId, sessionId, audienceClass, claims);
    }

    private static String text(ObjectNode claims, String name, String legacyName) {
        JsonNode node = claims.has(name) ? claims.get(name) : claims.get(legacyName);
        return node != null && node.isTextual() ? node.asText() : null;
    }

    private static KnownError unparsable() {
        return new KnownError(401, "UNPARSABLE_ACCESS_TOKEN", "Access token is not parsable.");
    }
}
