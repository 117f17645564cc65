package io.quarkiverse.hexclave.jakarta;

import java.io.IOException;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationException;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.jboss.logging.Logger;

import io.quarkiverse.hexclave.credential.CredentialLookup;
import io.quarkiverse.hexclave.credential.CredentialSource;
import io.quarkiverse.hexclave.credential.HexclaveCredential;
import io.quarkiverse.hexclave.credential.HexclaveCredentials;
import io.quarkiverse.hexclave.jakarta.internal.HexclaveComponents;
import io.quarkiverse.hexclave.jakarta.internal.ServletRequestView;
import io.quarkiverse.hexclave.verifier.HexclavePrincipal;
import io.quarkiverse.hexclave.verifier.KeysUnavailableException;
import io.quarkiverse.hexclave.verifier.RejectionReason;
import io.quarkiverse.hexclave.verifier.Verification;

/**
 * The Jakarta Security {@link HttpAuthenticationMechanism} that authenticates Hexclave users in any Jakarta EE 10
 * server.
 * <p>
 * For each request it looks for a Hexclave credential (every format of the Hexclave wire reference §4), verifies the
 * access token with the core verifier, and hands the {@link HexclavePrincipal} and its groups ({@code authenticated},
 * plus {@code restricted} / {@code anonymous}) to the container, so that {@code @RolesAllowed},
 * {@code SecurityContext} and {@code HttpServletRequest#getUserPrincipal()/isUserInRole()} work. The outcome decides
 * the answer:
 * <ul>
 * <li>no credential: the request continues unauthenticated, or 401 with {@code WWW-Authenticate: Bearer} when the
 * resource is protected by a security constraint (or the application called {@code HttpServletRequest#authenticate});</li>
 * <li>a malformed credential or a rejected token: 401 with an RFC 6750 challenge such as
 * {@code Bearer error="invalid_token", error_description="token expired"} (a fixed text: never the token), on
 * protected and unprotected resources alike;</li>
 * <li>Hexclave's signing keys cannot be fetched: 503, because it is not the caller's fault.</li>
 * </ul>
 * The mechanism is stateless: nothing is stored in the HTTP session. The principal of the current request is also
 * kept in the request attribute {@link #PRINCIPAL_ATTRIBUTE}, from which {@link HexclaveIdentity} reads it.
 */
@ApplicationScoped
public class HexclaveHttpAuthenticationMechanism implements HttpAuthenticationMechanism {

    /** Request attribute holding the {@link HexclavePrincipal} this mechanism authenticated for the request. */
    public static final String PRINCIPAL_ATTRIBUTE = "io.quarkiverse.hexclave.principal";

    /** Request attribute holding the {@link Rejection} this mechanism answered, for the response filter. */
    public static final String REJECTION_ATTRIBUTE = "io.quarkiverse.hexclave.rejection";

    private static final Logger LOG = Logger.getLogger(HexclaveHttpAuthenticationMechanism.class);

    private HexclaveCredentials credentials;
    private Function<HexclaveCredential, Verification> verifier;
    private Predicate<String> hexclaveIssued = token -> true;

    /** For CDI: the collaborators come from the configured {@code hexclave.*} settings. */
    public HexclaveHttpAuthenticationMechanism() {
    }

    /**
     * With explicit collaborators, for tests or programmatic set-up.
     *
     * @param credentials finds the credential in a request
     * @param verifier verifies it; usually {@code HexclaveTokenVerifier::verify}. May throw
     *        {@link KeysUnavailableException}.
     */
    public HexclaveHttpAuthenticationMechanism(HexclaveCredentials credentials,
            Function<HexclaveCredential, Verification> verifier) {
        this(credentials, verifier, token -> true);
    }

    /**
     * As {@link #HexclaveHttpAuthenticationMechanism(HexclaveCredentials, Function)}, with the test that tells this
     * project's raw bearer tokens from other issuers' (usually {@code HexclaveTokenVerifier::isHexclaveIssued}): a
     * bearer JWT of another issuer is left alone, as if there were no credential.
     */
    public HexclaveHttpAuthenticationMechanism(HexclaveCredentials credentials,
            Function<HexclaveCredential, Verification> verifier, Predicate<String> hexclaveIssued) {
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        this.verifier = Objects.requireNonNull(verifier, "verifier");
        this.hexclaveIssued = Objects.requireNonNull(hexclaveIssued, "hexclaveIssued");
    }

    @Inject
    void wire(HexclaveComponents components) {
        this.credentials = components.credentials();
        this.verifier = components.verifier()::verify;
        this.hexclaveIssued = components.verifier()::isHexclaveIssued;
    }

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
            HttpMessageContext context) throws AuthenticationException {
        CredentialLookup lookup = credentials.find(new ServletRequestView(request));
        if (isForeign(lookup)) {
            lookup = CredentialLookup.ABSENT; // a gateway's or another issuer's bearer token: not ours to judge
        }
        if (lookup instanceof CredentialLookup.Absent) {
            return mustAuthenticate(context) ? challenge(request, response, context, RejectionReason.MISSING)
                    : context.doNothing();
        }
        if (lookup instanceof CredentialLookup.Malformed malformed) {
            LOG.debugf("Hexclave credential in %s rejected: %s", malformed.source(), malformed.detail());
            return challenge(request, response, context, RejectionReason.MALFORMED);
        }
        HexclaveCredential credential = ((CredentialLookup.Found) lookup).credential();
        Verification verification;
        try {
            verification = verifier.apply(credential);
        } catch (KeysUnavailableException e) {
            // The verifier logs the outage itself (HEXCLAVE002), once per attempt to fetch the keys, not per request.
            LOG.debugf("Hexclave's signing keys are unavailable: %s", e.getMessage());
            return unavailable(request, response);
        } catch (RuntimeException e) {
            // Never a 500 (or a server error page with a stack trace) for a caller's token.
            LOG.debugf("Hexclave token from %s could not be verified: %s", credential.source(), e.getClass().getName());
            return challenge(request, response, context, RejectionReason.MALFORMED);
        }
        if (verification instanceof Verification.Accepted accepted) {
            HexclavePrincipal principal = accepted.principal();
            request.setAttribute(PRINCIPAL_ATTRIBUTE, principal);
            return context.notifyContainerAboutLogin(principal, principal.getGroups());
        }
        Verification.Rejected rejected = (Verification.Rejected) verification;
        if (rejected.reason() == RejectionReason.MISSING) {
            // e.g. only a refresh token was sent: the same as no credential at all
            return mustAuthenticate(context) ? challenge(request, response, context, RejectionReason.MISSING)
                    : context.doNothing();
        }
        LOG.debugf("Hexclave token from %s rejected: %s", credential.source(), rejected.reason());
        return challenge(request, response, context, rejected.reason());
    }

    /**
     * A raw bearer token that is not this project's (another issuer, or too large to be a Hexclave token): other
     * mechanisms or the application may handle it, so it counts as no credential.
     */
    private boolean isForeign(CredentialLookup lookup) {
        if (lookup instanceof CredentialLookup.Malformed malformed) {
            return malformed.source() == CredentialSource.BEARER_TOKEN;
        }
        if (lookup instanceof CredentialLookup.Found found && found.credential().source() == CredentialSource.BEARER_TOKEN) {
            return !found.credential().accessToken().map(t -> hexclaveIssued.test(t.value())).orElse(false);
        }
        return false;
    }

    /** A protected resource, or the application called {@code HttpServletRequest#authenticate}. */
    private static boolean mustAuthenticate(HttpMessageContext context) {
        return context.isProtected() || context.isAuthenticationRequest();
    }

    private static AuthenticationStatus challenge(HttpServletRequest request, HttpServletResponse response,
            HttpMessageContext context, RejectionReason reason) {
        Rejection rejection = Rejection.unauthorized(reason);
        request.setAttribute(REJECTION_ATTRIBUTE, rejection);
        rejection.headersTo(response);
        return context.responseUnauthorized();
    }

    private static AuthenticationStatus unavailable(HttpServletRequest request, HttpServletResponse response)
            throws AuthenticationException {
        Rejection rejection = Rejection.UNAVAILABLE;
        request.setAttribute(REJECTION_ATTRIBUTE, rejection);
        try {
            rejection.applyTo(response);
        } catch (IOException e) {
            throw new AuthenticationException("Could not send the 503 answer", e);
        }
        return AuthenticationStatus.SEND_FAILURE;
    }

    /**
     * The answer to a request this mechanism did not let in: 401 with an RFC 6750 challenge, or 503 when Hexclave's keys
     * are unavailable. Never carries the token or an exception.
     *
     * @param status 401 or 503
     * @param wwwAuthenticate the challenge, {@code null} for 503
     */
    public record Rejection(int status, String wwwAuthenticate) {

        static final Rejection UNAVAILABLE = new Rejection(HttpServletResponse.SC_SERVICE_UNAVAILABLE, null);

        static Rejection unauthorized(RejectionReason reason) {
            return new Rejection(HttpServletResponse.SC_UNAUTHORIZED, reason.wwwAuthenticate());
        }

        /** Sets this rejection's headers. */
        public void headersTo(HttpServletResponse response) {
            response.setHeader("Cache-Control", "no-store");
            if (wwwAuthenticate != null) {
                response.setHeader("WWW-Authenticate", wwwAuthenticate);
            } else {
                response.setHeader("Retry-After", "10");
            }
        }

        /** Sets the headers and sends the error status. */
        public void applyTo(HttpServletResponse response) throws IOException {
            headersTo(response);
            response.sendError(status);
        }
    }
}
