package io.quarkiverse.hexclave.jakarta;

import java.io.IOException;
import java.security.Principal;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationException;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.jboss.logging.Logger;

import io.quarkiverse.hexclave.apikey.ApiKeyAuthentication;
import io.quarkiverse.hexclave.apikey.ApiKeyCheck;
import io.quarkiverse.hexclave.apikey.HexclaveApiKeyPrincipal;
import io.quarkiverse.hexclave.apikey.PresentedApiKey;
import io.quarkiverse.hexclave.credential.CredentialLookup;
import io.quarkiverse.hexclave.credential.CredentialSource;
import io.quarkiverse.hexclave.credential.HexclaveCredential;
import io.quarkiverse.hexclave.credential.HexclaveCredentials;
import io.quarkiverse.hexclave.jakarta.internal.EndpointGrants;
import io.quarkiverse.hexclave.jakarta.internal.HexclaveComponents;
import io.quarkiverse.hexclave.jakarta.internal.HexclaveIdentityStore;
import io.quarkiverse.hexclave.jakarta.internal.ServletRequestView;
import io.quarkiverse.hexclave.verifier.Challenge;
import io.quarkiverse.hexclave.verifier.HexclavePrincipal;
import io.quarkiverse.hexclave.verifier.HexclaveTokenVerifier;
import io.quarkiverse.hexclave.verifier.KeysUnavailableException;
import io.quarkiverse.hexclave.verifier.RejectionReason;
import io.quarkiverse.hexclave.verifier.UserClass;
import io.quarkiverse.hexclave.verifier.UserClassPolicy;
import io.quarkiverse.hexclave.verifier.Verification;

/**
 * The Jakarta Security {@link HttpAuthenticationMechanism} that authenticates Hexclave users in any Jakarta EE 10
 * server.
 * <p>
 * For each request it looks for a Hexclave credential (every format of the Hexclave wire reference §4), verifies the
 * access token with the application's {@link HexclaveTokenVerifier} (in the configured {@code hexclave.verification.mode}),
 * then validates the verified token as a {@link HexclaveTokenCredential} through Jakarta Security's
 * {@link IdentityStoreHandler}: Hexclave's identity store validates it (groups {@code authenticated}, plus
 * {@code restricted} / {@code anonymous}), and every {@link IdentityStore} with only {@code PROVIDE_GROUPS} adds its
 * groups, the Hexclave one that turns project permissions into groups and the application's own. The container then
 * knows the {@link HexclavePrincipal} and its groups, so that {@code @RolesAllowed}, {@code SecurityContext} and
 * {@code HttpServletRequest#getUserPrincipal()/isUserInRole()} work. The outcome decides the answer, rendered from the
 * core's {@link Challenge}, as the Quarkus extension answers:
 * <ul>
 * <li>no credential: the request continues unauthenticated, or 401 with {@code WWW-Authenticate: Bearer} when the
 * resource is protected by a security constraint (or the application called {@code HttpServletRequest#authenticate});</li>
 * <li>a malformed credential or a rejected token: 401 with an RFC 6750 challenge such as
 * {@code Bearer error="invalid_token", error_description="token expired"} (a fixed text: never the token), on
 * protected and unprotected resources alike, except for the {@code hexclave-access} cookie (which the browser keeps
 * sending after its token expired): a failed cookie credential leaves the request unauthenticated, and only a
 * protected resource answers with the challenge;</li>
 * <li>Hexclave's signing keys (or Hexclave itself, verifying through its API or listing the user's permissions for
 * the groups) cannot be had: 503 ({@code hexclave.keys-unavailable-status}) with {@code Retry-After}, because it is
 * not the caller's fault;</li>
 * <li>a cookie credential on a request whose method is not {@code GET}, {@code HEAD} or {@code OPTIONS} and that
 * shows no same-origin signal ({@code Sec-Fetch-Site: same-origin}/{@code same-site}, or its own {@code Origin}): 403
 * ({@code Challenge.crossSite()}), unless {@code hexclave.cookie.cross-site-check=false}.</li>
 * </ul>
 * A restricted or anonymous user whose class only an endpoint grants ({@code @AllowRestrictedUsers} /
 * {@code @AllowAnonymousUsers}) is verified but not logged in before JAX-RS has matched the resource method: the
 * request continues unauthenticated and {@link HexclaveUserClassFilter} decides (a protected resource, or an
 * {@code authenticate} call, refuses them at once with their class' 401).
 * <p>
 * A bearer token of another issuer is left alone, as if there were no credential. A request without a Hexclave
 * access token that carries a Hexclave API key ({@code x-hexclave-api-key}, {@code x-stack-api-key}, or a key-shaped
 * {@code Authorization: Bearer} value; {@code hexclave.api-keys.*}) is authenticated as the key's owner through the
 * identity stores ({@link HexclaveApiKeyCredential}); its principal is kept in {@link #API_KEY_PRINCIPAL_ATTRIBUTE}. The mechanism is stateless: nothing
 * is stored in the HTTP session. The principal of the current request is also kept in the request attribute
 * {@link #PRINCIPAL_ATTRIBUTE}, from which {@link HexclaveIdentity} reads it.
 */
@ApplicationScoped
public class HexclaveHttpAuthenticationMechanism implements HttpAuthenticationMechanism {

    /** Request attribute holding the {@link HexclavePrincipal} this mechanism authenticated for the request. */
    public static final String PRINCIPAL_ATTRIBUTE = "io.quarkiverse.hexclave.principal";

    /** Request attribute holding the {@link Challenge} this mechanism answered, for the response filter. */
    public static final String CHALLENGE_ATTRIBUTE = "io.quarkiverse.hexclave.challenge";

    /** Request attribute holding the {@link HexclaveApiKeyPrincipal} of a caller authenticated by an API key. */
    public static final String API_KEY_PRINCIPAL_ATTRIBUTE = "io.quarkiverse.hexclave.api-key-principal";

    private static final Logger LOG = Logger.getLogger(HexclaveHttpAuthenticationMechanism.class);

    private HexclaveCredentials credentials;
    private HexclaveTokenVerifier verifier;
    /** The CDI-wired components, checked against each request's web module; {@code null} when built by hand. */
    private HexclaveComponents components;
    private IdentityStoreHandler identityStores;
    /** {@code hexclave.api-keys.*}; off when built by hand without it. */
    private ApiKeyAuthentication apiKeys = ApiKeyAuthentication.off();
    /** {@code hexclave.keys-unavailable-status}; 503 when built by hand. */
    private int keysUnavailableStatus = Challenge.SERVICE_UNAVAILABLE;
    private volatile boolean storeMissingReported;

    /** For CDI: the collaborators come from the configured {@code hexclave.*} settings. */
    public HexclaveHttpAuthenticationMechanism() {
    }

    /**
     * With explicit collaborators, for tests or programmatic set-up; only Hexclave's own identity store is consulted
     * (groups: the user class).
     *
     * @param credentials finds the credential in a request
     * @param verifier verifies its access token (and tells this project's raw bearer tokens from others')
     */
    public HexclaveHttpAuthenticationMechanism(HexclaveCredentials credentials, HexclaveTokenVerifier verifier) {
        this(credentials, verifier, new HexclaveIdentityStore()::validate);
    }

    /**
     * With explicit collaborators, for tests or programmatic set-up.
     *
     * @param credentials finds the credential in a request
     * @param verifier verifies its access token (and tells this project's raw bearer tokens from others')
     * @param identityStores validates the verified {@link HexclaveTokenCredential} and gathers the caller's groups
     */
    public HexclaveHttpAuthenticationMechanism(HexclaveCredentials credentials, HexclaveTokenVerifier verifier,
            IdentityStoreHandler identityStores) {
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        this.verifier = Objects.requireNonNull(verifier, "verifier");
        this.identityStores = Objects.requireNonNull(identityStores, "identityStores");
    }

    /**
     * With explicit collaborators and API-key authentication, for tests or programmatic set-up.
     *
     * @param apiKeys finds and checks the API keys of requests without a Hexclave access token
     */
    public HexclaveHttpAuthenticationMechanism(HexclaveCredentials credentials, HexclaveTokenVerifier verifier,
            IdentityStoreHandler identityStores, ApiKeyAuthentication apiKeys) {
        this(credentials, verifier, identityStores);
        this.apiKeys = Objects.requireNonNull(apiKeys, "apiKeys");
    }

    @Inject
    void wire(HexclaveComponents components, IdentityStoreHandler identityStores) {
        this.components = components;
        this.credentials = components.credentials();
        this.identityStores = identityStores;
        this.keysUnavailableStatus = components.responseSettings().keysUnavailableStatus();
        this.apiKeys = components.apiKeys();
    }

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
            HttpMessageContext context) throws AuthenticationException {
        HexclaveTokenVerifier verifier = this.verifier;
        if (components != null) {
            try {
                components.claim(request.getServletContext());
            } catch (IllegalStateException e) {
                throw new AuthenticationException("Hexclave is shared by several web modules; see the server log");
            }
            verifier = components.verifier(); // built once, with the module's endpoint grants
        }
        ServletRequestView view = new ServletRequestView(request);
        CredentialLookup lookup = credentials.find(view);
        if (lookup instanceof CredentialLookup.Found found && found.credential().source() == CredentialSource.BEARER
                && !verifier.recognises(found.credential().token())) {
            lookup = CredentialLookup.ABSENT; // a gateway's or another issuer's bearer token: not ours to judge
        }
        if (lookup instanceof CredentialLookup.Absent) {
            return apiKeyOrNothing(request, response, context, view);
        }
        if (lookup instanceof CredentialLookup.Malformed malformed) {
            LOG.debugf("Hexclave credential in %s rejected: %s", malformed.source(), malformed.detail());
            Challenge challenge = Challenge.unauthorized(RejectionReason.MALFORMED);
            return malformed.source() == CredentialSource.COOKIE ? cookieFailed(request, response, context, challenge)
                    : challenge(request, response, context, challenge);
        }
        HexclaveCredential credential = ((CredentialLookup.Found) lookup).credential();
        if (credentials.refusesCrossSite(credential, request.getMethod(), request.getScheme(), request.getServerName(),
                request.getServerPort(), view)) {
            LOG.debugf("Hexclave cookie credential on a %s request without a same-origin signal: refused",
                    request.getMethod());
            return sendAtOnce(request, response, Challenge.crossSite());
        }
        boolean cookie = credential.source() == CredentialSource.COOKIE;
        UserClassPolicy policy = verifier.policy();
        // The grant of the matched resource method, once HexclaveUserClassFilter recorded it and asked to authenticate
        // again; before routing none is known, and the classes some endpoint grants are verified, not yet admitted.
        Set<UserClass> grant = EndpointGrants.grantedFor(request);
        Verification verification;
        try {
            verification = verifier.verify(credential.token(), grant.isEmpty() ? policy.anywhere() : policy.admittedOn(grant));
        } catch (KeysUnavailableException e) {
            // The verifier logs the outage itself (HEXCLAVE002), once per attempt to fetch the keys, not per request.
            LOG.debugf("Hexclave's signing keys are unavailable: %s", e.getMessage());
            Challenge unavailable = Challenge.keysUnavailable(keysUnavailableStatus);
            return cookie ? cookieFailed(request, response, context, unavailable)
                    : sendAtOnce(request, response, unavailable);
        } catch (RuntimeException e) {
            // Never a 500 (or a server error page with a stack trace) for a caller's token.
            LOG.debugf("Hexclave token from %s could not be verified: %s", credential.source(), e.getClass().getName());
            Challenge challenge = Challenge.unauthorized(RejectionReason.MALFORMED);
            return cookie ? cookieFailed(request, response, context, challenge)
                    : challenge(request, response, context, challenge);
        }
        if (verification instanceof Verification.Accepted accepted) {
            UserClass userClass = accepted.principal().userClass();
            if (policy.admittedOn(grant).contains(userClass)) {
                return login(request, response, context,
                        new HexclaveTokenCredential(accepted.principal(), policy.admitsEverywhere(userClass)),
                        PRINCIPAL_ATTRIBUTE, accepted.principal());
            }
            // Only an endpoint grant admits this user: not logged in before JAX-RS matched a granting method.
            Challenge refused = Challenge.unauthorized(UserClassPolicy.refusal(userClass, policy.global()).reason());
            if (context.isProtected() || context.isAuthenticationRequest()) {
                LOG.debugf("Hexclave %s user refused on a protected resource or an authenticate call", userClass);
                return cookie ? cookieFailed(request, response, context, refused)
                        : challenge(request, response, context, refused);
            }
            EndpointGrants.pending(request, userClass, policy);
            return context.doNothing();
        }
        Verification.Rejected rejected = (Verification.Rejected) verification;
        if (rejected.reason() == RejectionReason.MISSING) {
            return noCredential(request, response, context); // e.g. only a refresh token was sent
        }
        LOG.debugf("Hexclave token from %s rejected: %s", credential.source(), rejected.reason());
        Challenge challenge = Challenge.unauthorized(rejected.reason());
        return cookie ? cookieFailed(request, response, context, challenge)
                : challenge(request, response, context, challenge);
    }

    /**
     * A request without a Hexclave access token: its API key ({@code hexclave.api-keys.*}) checked with Hexclave and
     * the key's owner logged in; a refused key gets 401 naming the reason, Hexclave unreachable the keys-unavailable
     * status; without a key, as without any credential.
     */
    private AuthenticationStatus apiKeyOrNothing(HttpServletRequest request, HttpServletResponse response,
            HttpMessageContext context, ServletRequestView view) throws AuthenticationException {
        Optional<PresentedApiKey> key = apiKeys.find(view);
        if (key.isEmpty()) {
            return noCredential(request, response, context);
        }
        ApiKeyCheck check = apiKeys.verifier().check(key.get());
        if (check instanceof ApiKeyCheck.Refused refused) {
            LOG.debugf("Hexclave API key from %s refused: %s", key.get().source(), refused.reason());
            return challenge(request, response, context, refused.challenge());
        }
        if (check instanceof ApiKeyCheck.Unavailable unavailable) {
            LOG.debugf("Hexclave could not check an API key: %s", unavailable.detail());
            return sendAtOnce(request, response, Challenge.keysUnavailable(keysUnavailableStatus));
        }
        HexclaveApiKeyPrincipal caller = new HexclaveApiKeyPrincipal(((ApiKeyCheck.Accepted) check).key());
        return login(request, response, context, new HexclaveApiKeyCredential(caller), API_KEY_PRINCIPAL_ATTRIBUTE,
                caller);
    }

    /**
     * A cookie credential that failed (unreadable, expired, planted, keys unavailable): the browser keeps sending the
     * cookie long after its token expired, so the request continues unauthenticated; a protected resource (or the
     * application's {@code authenticate} call) gets {@code challenge}.
     */
    private static AuthenticationStatus cookieFailed(HttpServletRequest request, HttpServletResponse response,
            HttpMessageContext context, Challenge challenge) throws AuthenticationException {
        if (!context.isProtected() && !context.isAuthenticationRequest()) {
            return context.doNothing();
        }
        return challenge.status() == 401 ? challenge(request, response, context, challenge)
                : sendAtOnce(request, response, challenge);
    }

    /** Validates the verified token through the identity stores and tells the container who the caller is. */
    private AuthenticationStatus login(HttpServletRequest request, HttpServletResponse response,
            HttpMessageContext context, Credential credential, String attribute, Principal principal)
            throws AuthenticationException {
        CredentialValidationResult result;
        try {
            result = identityStores.validate(credential);
        } catch (RuntimeException e) {
            if (AuthorizationUnavailableException.isCauseOf(e)) {
                // Without the groups a role check could wrongly fail (or, with a deny rule, wrongly pass): 503.
                LOG.debugf("The Hexclave user's groups are unavailable: %s", e.getMessage());
                return sendAtOnce(request, response, Challenge.keysUnavailable(keysUnavailableStatus));
            }
            throw e; // an application identity store failed: the application's error, not the caller's
        }
        if (result.getStatus() != CredentialValidationResult.Status.VALID) {
            // Hexclave's own store finds every HexclaveTokenCredential valid: it is missing (bean discovery of the jar
            // turned off?) and no application store took its place. Refuse, and tell the operator once.
            if (!storeMissingReported) {
                storeMissingReported = true;
                LOG.warnf("No identity store validated a verified Hexclave token (%s): is %s a CDI bean in this "
                        + "application? Hexclave users get 401.", result.getStatus(), HexclaveIdentityStore.class.getName());
            }
            return challenge(request, response, context, Challenge.unauthorized(RejectionReason.REVOKED));
        }
        request.setAttribute(attribute, principal);
        // The container is told the HexclavePrincipal itself (SecurityContext#getPrincipalsByType finds it), unless
        // an application store that validates Hexclave credentials named another caller.
        Principal caller = result.getCallerPrincipal() instanceof HexclaveCallerPrincipal hexclave
                ? hexclave.hexclavePrincipal()
                : result.getCallerPrincipal() instanceof HexclaveApiKeyCallerPrincipal key ? key.apiKeyPrincipal()
                        : result.getCallerPrincipal();
        return context.notifyContainerAboutLogin(caller, result.getCallerGroups());
    }

    /** Continue unauthenticated, unless the resource is protected or the application called {@code authenticate}. */
    private static AuthenticationStatus noCredential(HttpServletRequest request, HttpServletResponse response,
            HttpMessageContext context) {
        return context.isProtected() || context.isAuthenticationRequest()
                ? challenge(request, response, context, Challenge.unauthorized(RejectionReason.MISSING))
                : context.doNothing();
    }

    private static AuthenticationStatus challenge(HttpServletRequest request, HttpServletResponse response,
            HttpMessageContext context, Challenge challenge) {
        request.setAttribute(CHALLENGE_ATTRIBUTE, challenge);
        headersTo(challenge, response);
        return context.responseUnauthorized();
    }

    /** Sends {@code challenge} (a 503, or the 403 of a cross-site request) at once and reports the failure. */
    private static AuthenticationStatus sendAtOnce(HttpServletRequest request, HttpServletResponse response,
            Challenge challenge) throws AuthenticationException {
        request.setAttribute(CHALLENGE_ATTRIBUTE, challenge);
        try {
            send(challenge, response);
        } catch (IOException e) {
            throw new AuthenticationException("Could not send the " + challenge.status() + " answer", e);
        }
        return AuthenticationStatus.SEND_FAILURE;
    }

    /** Sets the challenge's headers on {@code response}. */
    public static void headersTo(Challenge challenge, HttpServletResponse response) {
        challenge.headers().forEach(response::setHeader);
    }

    /** Sets the challenge's headers and sends its status. */
    public static void send(Challenge challenge, HttpServletResponse response) throws IOException {
        headersTo(challenge, response);
        response.sendError(challenge.status());
    }
}
