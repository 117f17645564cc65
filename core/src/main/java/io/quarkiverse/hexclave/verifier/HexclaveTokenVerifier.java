package io.quarkiverse.hexclave.verifier;

import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionStage;

import io.quarkiverse.hexclave.client.HexclaveClient;
import io.quarkiverse.hexclave.client.HexclaveTransport;
import io.quarkiverse.hexclave.config.HexclaveSettings;
import io.quarkiverse.hexclave.observe.HexclaveObserver;
import io.quarkiverse.hexclave.config.VerificationMode;
import io.quarkiverse.hexclave.credential.HexclaveCredential;

/**
 * Verifies Hexclave access tokens: the contract every adapter (Quarkus, Jakarta EE, plain Java) programs against.
 * <p>
 * Three implementations, chosen by {@link HexclaveSettings#verificationMode()} in {@link #create(HexclaveSettings)}:
 * <ul>
 * <li>{@link JwtTokenVerifier} ({@code jwt}): the signature and claims, locally, against the project's cached keys;</li>
 * <li>{@link RestTokenVerifier} ({@code rest}): Hexclave is asked ({@code GET /users/me});</li>
 * <li>{@code both}: locally first, then Hexclave for tokens that passed.</li>
 * </ul>
 * The outcome is typed: {@link Verification.Accepted} with a {@link HexclavePrincipal}, or
 * {@link Verification.Rejected} with a {@link RejectionReason}. Hexclave (its keys, or its API) unreachable is not a
 * rejection but {@link KeysUnavailableException} (a failed stage for the asynchronous forms): adapters answer 503.
 * <p>
 * Which user classes pass is the verifier's {@link #policy()}: by default its {@linkplain UserClassPolicy#global()
 * global} classes. A caller that knows the endpoint may pass the classes it admits there
 * ({@link UserClassPolicy#admittedOn(Set)}); classes outside {@link UserClassPolicy#anywhere()} never pass.
 * <p>
 * Every method takes an {@link AccessToken}, decoded once, or a string or credential that becomes one. Implementations
 * are thread-safe; create one per project and share it.
 */
public interface HexclaveTokenVerifier extends AutoCloseable {

    /** The user classes this verifier admits: {@link UserClassPolicy#global()} by default, never beyond {@link UserClassPolicy#anywhere()}. */
    UserClassPolicy policy();

    /**
     * Verifies {@code token}, admitting the user classes {@code admitted} (bounded by {@link #policy()}'s
     * {@code anywhere}). May block: to fetch keys, or to ask Hexclave, each bounded by the configured timeouts.
     *
     * @throws KeysUnavailableException when Hexclave's keys (or Hexclave itself) cannot be had
     */
    Verification verify(AccessToken token, Set<UserClass> admitted);

    /** As {@link #verify(AccessToken, Set)}, never blocking the caller; a {@link KeysUnavailableException} fails the stage. */
    CompletionStage<Verification> verifyAsync(AccessToken token, Set<UserClass> admitted);

    /**
     * The outcome of {@link #verify(AccessToken, Set)} if it can be had without I/O (a token verified before, one
     * rejected on its face, one whose key is cached); empty when a fetch or a call is needed. Never blocks, never
     * starts I/O: an event-loop caller verifies in place and moves to a worker thread only when this is empty.
     */
    Optional<Verification> verifyWithoutBlocking(AccessToken token, Set<UserClass> admitted);

    /**
     * Whether {@code token} claims to come from this project's Hexclave (its unverified {@code iss} is one of the
     * accepted issuers, of any user class), so that an adapter can leave other issuers' bearer tokens to other
     * mechanisms. Cheap, unverified: never a substitute for {@link #verify}.
     */
    boolean recognises(AccessToken token);

    /** The signing keys, for a verifier that holds them (not in the {@code rest} mode). */
    default Optional<SigningKeys> signingKeys() {
        return Optional.empty();
    }

    /** Releases what the verifier created for itself (an HTTP client for the {@code rest} mode). */
    @Override
    default void close() {
    }

    // ---- conveniences: the global policy --------------------------------------------------------------------------

    /** Verifies a token with the global policy. @throws KeysUnavailableException as {@link #verify(AccessToken, Set)} */
    default Verification verify(String token) {
        return verify(AccessToken.of(token), policy().global());
    }

    /** Verifies the access token of a credential found in a request (none: {@link RejectionReason#MISSING}). */
    default Verification verify(HexclaveCredential credential) {
        return verify(credential.token(), policy().global());
    }

    /** As {@link #verify(String)}, without blocking. */
    default CompletionStage<Verification> verifyAsync(String token) {
        return verifyAsync(AccessToken.of(token), policy().global());
    }

    /** As {@link #verify(HexclaveCredential)}, without blocking. */
    default CompletionStage<Verification> verifyAsync(HexclaveCredential credential) {
        return verifyAsync(credential.token(), policy().global());
    }

    /** As {@link #verifyWithoutBlocking(AccessToken, Set)} with the global policy. */
    default Optional<Verification> verifyWithoutBlocking(String token) {
        return verifyWithoutBlocking(AccessToken.of(token), policy().global());
    }

    // ---- construction ---------------------------------------------------------------------------------------------

    /** The verifier {@code settings} ask for, with their global policy. Makes no network call. */
    static HexclaveTokenVerifier create(HexclaveSettings settings) {
        return create(settings, UserClassPolicy.of(settings.allowRestrictedUsers(), settings.allowAnonymousUsers()),
                Clock.systemUTC());
    }

    /**
     * The verifier {@code settings.verificationMode()} asks for, applying {@code policy} (whose {@code anywhere}
     * decides the keys fetched and the classes Hexclave is asked to accept). In the {@code rest} and {@code both} modes
     * it creates its own {@link HexclaveClient}, released by {@link #close()}.
     */
    static HexclaveTokenVerifier create(HexclaveSettings settings, UserClassPolicy policy, Clock clock) {
        return create(settings, policy, clock, HexclaveObserver.NONE);
    }

    /**
     * As {@link #create(HexclaveSettings, UserClassPolicy, Clock)}, telling {@code observer} of every verification's
     * outcome, the verified-token cache lookups, the key fetches and (in the {@code rest} and {@code both} modes) the
     * calls of its own client.
     */
    static HexclaveTokenVerifier create(HexclaveSettings settings, UserClassPolicy policy, Clock clock,
            HexclaveObserver observer) {
        VerificationMode mode = settings.verificationMode();
        HexclaveTokenVerifier verifier;
        if (mode == VerificationMode.JWT) {
            verifier = new JwtTokenVerifier(settings, policy, clock, JwtTokenVerifier.httpClient(settings), observer);
        } else {
            RestTokenVerifier rest = RestTokenVerifier.withOwnClient(settings, policy, clock, observer);
            verifier = mode == VerificationMode.REST ? rest
                    : new JwtThenRestVerifier(new JwtTokenVerifier(settings, policy, clock,
                            JwtTokenVerifier.httpClient(settings), observer), rest);
        }
        return observed(verifier, observer);
    }

    /**
     * As {@link #create(HexclaveSettings, UserClassPolicy, Clock, HexclaveObserver)}, sending every request (key
     * fetches and, in the {@code rest} and {@code both} modes, token checks) over {@code transport}, which the
     * application shares with its {@link HexclaveClient} and closes itself: {@link #close()} leaves it open.
     */
    static HexclaveTokenVerifier create(HexclaveSettings settings, UserClassPolicy policy, Clock clock,
            HexclaveObserver observer, HexclaveTransport transport) {
        VerificationMode mode = settings.verificationMode();
        HexclaveTokenVerifier verifier;
        if (mode == VerificationMode.JWT) {
            verifier = new JwtTokenVerifier(settings, policy, clock, transport, observer);
        } else {
            RestTokenVerifier rest = RestTokenVerifier.overTransport(settings, policy, clock, observer, transport);
            verifier = mode == VerificationMode.REST ? rest
                    : new JwtThenRestVerifier(new JwtTokenVerifier(settings, policy, clock, transport, observer), rest);
        }
        return observed(verifier, observer);
    }

    private static HexclaveTokenVerifier observed(HexclaveTokenVerifier verifier, HexclaveObserver observer) {
        return observer == HexclaveObserver.NONE ? verifier : new ObservedVerifier(verifier, observer);
    }
}
