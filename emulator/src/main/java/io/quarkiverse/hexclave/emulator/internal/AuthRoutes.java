package io.quarkiverse.hexclave.emulator.internal;

import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkiverse.hexclave.emulator.VerificationCode;

/**
 * The frontend sign-in flows a browser app uses with the publishable client key: password sign-up, sign-in, set,
 * change and reset, e-mail
 * code / magic-link sign-in (the code is logged and readable through the Java API instead of being e-mailed), and the
 * OAuth token endpoint's {@code refresh_token} grant, which is how the JS SDK refreshes access tokens. OAuth sign-in
 * itself (the {@code authorization_code} grant and the authorize redirects) is not emulated.
 */
final class AuthRoutes {

    private static final System.Logger LOG = System.getLogger("io.quarkiverse.hexclave.emulator");
    private static final String[] ANY = { "client", "server", "admin" };
    private static final String[] BOT_CHALLENGE = { "bot_challenge_token", "bot_challenge_phase",
            "bot_challenge_unavailable" };
    /** What the JS SDK sends as client secret when the project needs no publishable key. */
    private static final String KEY_NOT_NECESSARY = "__stack_public_client__";

    private final EmulatedProject project;
    private final EmulatorStore store;

    AuthRoutes(EmulatedProject project) {
        this.project = project;
        this.store = project.store();
    }

    void register(ApiServer server) {
        server.route("POST", "/api/v1/auth/password/sign-up", true, this::passwordSignUp);
        server.route("POST", "/api/v1/auth/password/sign-in", true, this::passwordSignIn);
        server.route("POST", "/api/v1/auth/password/set", true, this::passwordSet);
        server.route("POST", "/api/v1/auth/password/update", true, this::passwordUpdate);
        server.route("POST", "/api/v1/auth/password/send-reset-code", true, this::sendResetCode);
        server.route("POST", "/api/v1/auth/password/reset", true, r -> passwordReset(r, true));
        server.route("POST", "/api/v1/auth/password/reset/check-code", true, r -> passwordReset(r, false));
        server.route("POST", "/api/v1/auth/otp/send-sign-in-code", true, this::sendSignInCode);
        server.route("POST", "/api/v1/auth/otp/sign-in", true, r -> otpSignIn(r, true));
        server.route("POST", "/api/v1/auth/otp/sign-in/check-code", true, r -> otpSignIn(r, false));
        server.route("POST", "/api/v1/auth/oauth/token", false, this::token);
    }

    // ------------------------------------------------------------------ password

    private ApiResponse passwordSignUp(ApiRequest r) {
        r.requireAccess(ANY);
        r.allowQuery();
        ApiRequest.Body body = r.body(true, with(BOT_CHALLENGE, "email", "password", "verification_callback_url"));
        String email = UserRoutes.normalizeEmail(body.requireString("email"), "body.email");
        String password = body.requireString("password");
        String callbackUrl = body.has("verification_callback_url") ? body.requireUrl("verification_callback_url") : null;
        requireSignUpEnabled();
        Passwords.requireAcceptable(password);
        synchronized (store) {
            if (store.authEmailOwner(email, null) != null) {
                throw new KnownError(409, "USER_EMAIL_ALREADY_EXISTS", "A user with email \"" + email + "\" already exists.",
                        KnownError.details("email", email, "would_work_if_email_was_verified", false));
            }
            StoredUser user = anonymousUserToUpgrade(r);
            if (user == null) {
                user = store.addUser(store.newUserRow());
            }
            user.anonymous = false;
            user.updatePrimaryEmail(true, email, false, true, store.nowMillis());
            user.password(password);
            if (callbackUrl != null) {
                StoredCode code = store.createCode(VerificationCode.Purpose.CONTACT_CHANNEL_VERIFICATION, email, user.id,
                        null, callbackUrl);
                LOG.log(Level.INFO, "Hexclave emulator: e-mail verification link for {0} (not sent): {1}", email, code.link);
            }
            return signedIn(user, null);
        }
    }

    private ApiResponse passwordSignIn(ApiRequest r) {
        r.requireAccess(ANY);
        r.allowQuery();
        ApiRequest.Body body = r.body(true, "email", "password");
        String email = UserRoutes.normalizeEmail(body.requireString("email"), "body.email");
        String password = body.requireString("password");
        synchronized (store) {
            StoredUser user = store.authEmailOwner(email, null);
            if (user == null || !Passwords.matches(password, user.passwordHash)) {
                throw new KnownError(400, "EMAIL_PASSWORD_MISMATCH", "Wrong e-mail or password.");
            }
            return signedIn(user, null);
        }
    }

    /** A password for the signed-in user who has none (e.g. signed up by e-mail code). */
    private ApiResponse passwordSet(ApiRequest r) {
        r.requireAccess(ANY);
        r.allowQuery();
        String password = r.body(true, "password").requireString("password");
        synchronized (store) {
            StoredUser user = r.requireSignedInUser();
            if (user.hasPassword) {
                throw new StatusError(400, "User already has a password set.");
            }
            Passwords.requireAcceptable(password);
            user.password(password);
            return ApiResponse.success();
        }
    }

    /** Changes the signed-in user's password; their other sessions are signed out, the current one stays. */
    private ApiResponse passwordUpdate(ApiRequest r) {
        r.requireAccess(ANY);
        r.allowQuery();
        ApiRequest.Body body = r.body(true, "old_password", "new_password");
        String oldPassword = body.requireString("old_password");
        String newPassword = body.requireString("new_password");
        synchronized (store) {
            StoredUser user = r.requireSignedInUser();
            if (!user.hasPassword) {
                throw new KnownError(400, "USER_DOES_NOT_HAVE_PASSWORD", "This user does not have password authentication enabled.");
            }
            if (!Passwords.matches(oldPassword, user.passwordHash)) {
                throw new KnownError(400, "PASSWORD_CONFIRMATION_MISMATCH", "Passwords do not match.");
            }
            Passwords.requireAcceptable(newPassword);
            user.password(newPassword);
            String current = r.token().sessionId();
            for (StoredSession other : store.sessionsOf(user.id)) {
                if (!other.id.equals(current)) {
                    store.revokeSession(other.id);
                }
            }
            return ApiResponse.success();
        }
    }

    /**
     * Keeps (and logs) a reset link for an address that signs in with a password; answers the same whether or not
     * such a user exists, as Hexclave does, so the answer does not tell which addresses have accounts.
     */
    private ApiResponse sendResetCode(ApiRequest r) {
        r.requireAccess(ANY);
        r.allowQuery();
        ApiRequest.Body body = r.body(true, "email", "callback_url");
        String email = UserRoutes.normalizeEmail(body.requireString("email"), "body.email");
        String callbackUrl = body.requireUrl("callback_url");
        synchronized (store) {
            StoredUser user = store.authEmailOwner(email, null);
            if (user != null && user.hasPassword) {
                StoredCode code = store.createCode(VerificationCode.Purpose.PASSWORD_RESET, email, user.id, null, callbackUrl);
                LOG.log(Level.INFO, "Hexclave emulator: password reset link for {0} (not e-mailed): {1}", email, code.link);
            }
            return ApiResponse.json(200, Json.object().put("success", "maybe, only if user with e-mail exists"));
        }
    }

    /** {@code /auth/password/reset} (sets the password, uses the code) and {@code /reset/check-code}. */
    private ApiResponse passwordReset(ApiRequest r, boolean use) {
        r.requireAccess(ANY);
        r.allowQuery();
        ApiRequest.Body body = use ? r.body(true, "code", "password") : r.body(true, "code");
        String submitted = body.requireCode();
        synchronized (store) {
            StoredCode code = store.usableCode(VerificationCode.Purpose.PASSWORD_RESET, submitted);
            if (!use) {
                return ApiResponse.json(200, Json.object().put("is_code_valid", true));
            }
            String password = body.requireString("password");
            Passwords.requireAcceptable(password);
            StoredUser user = store.user(code.userId);
            if (user == null) {
                throw KnownError.verificationCodeNotFound();
            }
            code.usedAtMillis = store.nowMillis();
            user.password(password);
            return ApiResponse.success();
        }
    }

    // ------------------------------------------------------------------ e-mail code / magic link

    private ApiResponse sendSignInCode(ApiRequest r) {
        r.requireAccess(ANY);
        r.allowQuery();
        ApiRequest.Body body = r.body(true, with(BOT_CHALLENGE, "email", "callback_url"));
        String email = UserRoutes.normalizeEmail(body.requireString("email"), "body.email");
        String callbackUrl = body.requireUrl("callback_url");
        synchronized (store) {
            if (store.authEmailOwner(email, null) == null) {
                requireSignUpEnabled();
            }
            StoredCode code = store.createCode(VerificationCode.Purpose.SIGN_IN, email, null, null, callbackUrl);
            VerificationCode view = code.snapshot();
            LOG.log(Level.INFO, "Hexclave emulator: sign-in code for {0} (not e-mailed): {1}, magic link: {2}", email,
                    view.otp(), code.link);
            return ApiResponse.json(200, Json.object().put("nonce", code.code.substring(6)));
        }
    }

    /** {@code /auth/otp/sign-in} (uses the code) and {@code /sign-in/check-code} (only checks it). */
    private ApiResponse otpSignIn(ApiRequest r, boolean use) {
        r.requireAccess(ANY);
        r.allowQuery();
        String submitted = r.body(true, "code").requireCode();
        synchronized (store) {
            StoredCode code = store.usableCode(VerificationCode.Purpose.SIGN_IN, submitted);
            if (!use) {
                return ApiResponse.json(200, Json.object().put("is_code_valid", true));
            }
            StoredUser user = store.authEmailOwner(code.email, null);
            boolean newUser = user == null;
            if (newUser) {
                requireSignUpEnabled();
                user = store.addUser(store.newUserRow());
                user.updatePrimaryEmail(true, code.email, true, true, store.nowMillis());
                user.otpAuthEnabled = true;
            } else {
                user.contactChannelWithValue(code.email).verified = true; // the e-mail reached its owner
            }
            code.usedAtMillis = store.nowMillis();
            return signedIn(user, newUser);
        }
    }

    // ------------------------------------------------------------------ OAuth token endpoint

    /**
     * {@code POST /auth/oauth/token} as the JS SDK calls it to refresh: an OAuth 2.0 token request (RFC 6749 §6,
     * form-encoded, JSON accepted too) with {@code client_id} = project id and {@code client_secret} = publishable
     * client key. Answers the RFC's token response; an unknown or revoked refresh token is
     * {@code REFRESH_TOKEN_NOT_FOUND_OR_EXPIRED}, as Hexclave answers.
     */
    private ApiResponse token(ApiRequest r) {
        r.allowQuery();
        Map<String, String> form = tokenRequest(r);
        String grantType = form.get("grant_type");
        if (grantType == null || grantType.isEmpty()) {
            throw KnownError.schemaError("body.grant_type must be defined");
        }
        if (grantType.equals("authorization_code")) {
            throw new StatusError(501, "The Hexclave emulator does not serve OAuth sign-in (the authorization_code grant); "
                    + "sign in with a password or an e-mail code.");
        }
        if (!grantType.equals("refresh_token")) {
            throw KnownError.schemaError("body.grant_type must be one of the following values: authorization_code, refresh_token");
        }
        String clientId = form.get("client_id");
        String clientSecret = form.get("client_secret");
        if (!validClient(clientId, clientSecret)) {
            throw new KnownError(400, "INVALID_OAUTH_CLIENT_ID_OR_SECRET",
                    "The OAuth client ID or secret is invalid. The client ID must be equal to the project ID (potentially "
                            + "with a hash and a branch ID), and the client secret must be a publishable client key.",
                    KnownError.details("client_id", clientId));
        }
        String refreshToken = form.get("refresh_token");
        if (refreshToken == null || refreshToken.isEmpty()) {
            throw KnownError.schemaError("body.refresh_token must be defined");
        }
        ObjectNode out = Json.object();
        out.put("access_token", project.refreshAccessToken(refreshToken));
        out.put("token_type", "Bearer");
        out.put("expires_in", project.settings().accessTokenLifetime().toSeconds());
        out.put("refresh_token", refreshToken); // Hexclave keeps the refresh token; it is not rotated
        return ApiResponse.json(200, out);
    }

    private boolean validClient(String clientId, String clientSecret) {
        if (clientId == null || clientSecret == null) {
            return false;
        }
        int hash = clientId.indexOf('#'); // "<project id>#<branch id>"
        String projectId = hash < 0 ? clientId : clientId.substring(0, hash);
        String branch = hash < 0 ? "main" : clientId.substring(hash + 1);
        EmulatorSettings s = project.settings();
        boolean keyOk = java.security.MessageDigest.isEqual(clientSecret.getBytes(StandardCharsets.UTF_8),
                s.publishableClientKey().getBytes(StandardCharsets.UTF_8))
                || (!s.requirePublishableClientKey() && clientSecret.equals(KEY_NOT_NECESSARY));
        return projectId.equals(project.projectId()) && branch.equals("main") && keyOk;
    }

    /** The token request's parameters: form-encoded as OAuth clients send them, or a JSON object. */
    private static Map<String, String> tokenRequest(ApiRequest r) {
        String type = r.contentType == null ? "" : r.contentType.toLowerCase(java.util.Locale.ROOT);
        if (type.startsWith("application/x-www-form-urlencoded")) {
            return ApiServer.parseUrlEncoded(new String(r.body, StandardCharsets.UTF_8), "body");
        }
        Map<String, String> out = new LinkedHashMap<>();
        ApiRequest.Body body = r.body(true, "grant_type", "client_id", "client_secret", "refresh_token", "code",
                "code_verifier", "redirect_uri", "scope");
        for (String name : new String[] { "grant_type", "client_id", "client_secret", "refresh_token" }) {
            String v = body.string(name);
            if (v != null) {
                out.put(name, v);
            }
        }
        return out;
    }

    // ------------------------------------------------------------------ shared

    /** A new session for the user: {@code access_token}, {@code refresh_token}, {@code user_id} (and {@code is_new_user}). */
    private ApiResponse signedIn(StoredUser user, Boolean newUser) {
        StoredSession s = store.createSession(user.id, EmulatorStore.DEFAULT_SESSION_MILLIS, false);
        user.lastActiveAtMillis = store.nowMillis();
        ObjectNode out = Json.object();
        out.put("access_token", project.mintAccessToken(user, s.id));
        out.put("refresh_token", s.refreshToken);
        out.put("user_id", user.id);
        if (newUser != null) {
            out.put("is_new_user", newUser);
        }
        return ApiResponse.json(200, out);
    }

    /** The anonymous user of the request's access token, whom a sign-up turns into a normal user (as Hexclave does). */
    private StoredUser anonymousUserToUpgrade(ApiRequest r) {
        StoredUser current = r.currentUser();
        return current != null && current.anonymous ? current : null;
    }

    private void requireSignUpEnabled() {
        if (!project.settings().signUpEnabled()) {
            throw new KnownError(400, "SIGN_UP_NOT_ENABLED",
                    "Creation of new accounts is not enabled for this project. Please ask the project owner to enable it.");
        }
    }

    private static String[] with(String[] base, String... more) {
        String[] out = java.util.Arrays.copyOf(base, base.length + more.length);
        System.arraycopy(more, 0, out, base.length, more.length);
        return out;
    }
}
