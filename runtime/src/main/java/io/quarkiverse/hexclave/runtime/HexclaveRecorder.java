package io.quarkiverse.hexclave.runtime;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.jboss.logging.Logger;

import io.quarkiverse.hexclave.cdi.UserProfileCache;
import io.quarkiverse.hexclave.client.HexclaveClient;
import io.quarkiverse.hexclave.config.HexclaveConfigException;
import io.quarkiverse.hexclave.config.HexclaveSettings;
import io.quarkiverse.hexclave.credential.CredentialSource;
import io.quarkiverse.hexclave.credential.HexclaveCredentials;
import io.quarkiverse.hexclave.runtime.internal.CurrentUsers;
import io.quarkiverse.hexclave.runtime.internal.MechanismOptions;
import io.quarkiverse.hexclave.runtime.internal.UserClassEndpoints;
import io.quarkiverse.hexclave.runtime.internal.VerificationPipeline;
import io.quarkiverse.hexclave.verifier.HexclaveTokenVerifier;
import io.quarkiverse.hexclave.verifier.RestTokenVerifier;
import io.quarkus.runtime.RuntimeValue;
import io.quarkus.runtime.ShutdownContext;
import io.quarkus.runtime.annotations.Recorder;

/**
 * Builds the extension's run-time objects from {@link HexclaveConfig}: the one place where the Quarkus configuration
 * becomes the core's {@link HexclaveSettings}. Nothing here touches the network: keys are fetched on first use.
 */
@Recorder
public class HexclaveRecorder {

    private static final Logger LOG = Logger.getLogger(HexclaveRecorder.class);
    private static final Pattern CORE_KEY = Pattern.compile("(?<![\\w.-])hexclave\\.");

    private final RuntimeValue<HexclaveConfig> config;

    public HexclaveRecorder(RuntimeValue<HexclaveConfig> config) {
        this.config = config;
    }

    /**
     * The project's settings as configured (the global user-class policy).
     *
     * @param jcaProvider the build-time {@code quarkus.hexclave.jca-provider}, or {@code null}
     * @throws HexclaveConfigException naming the {@code quarkus.hexclave.*} key to fix
     */
    public RuntimeValue<HexclaveSettings> settings(String jcaProvider) {
        HexclaveSettings settings = toSettings(config.getValue(), jcaProvider);
        LOG.debugf("Hexclave: %s", settings); // masks the secret key
        return new RuntimeValue<>(settings);
    }

    /** The JWT verifier, accepting every user class allowed globally or on some annotated endpoint. */
    public RuntimeValue<HexclaveTokenVerifier> verifier(RuntimeValue<HexclaveSettings> settings,
            boolean restrictedAnnotated, boolean anonymousAnnotated) {
        return new RuntimeValue<>(new HexclaveTokenVerifier(
                verifierSettings(settings.getValue(), restrictedAnnotated, anonymousAnnotated)));
    }

    /** The server-side client; its calls fail with a clear message when no secret server key is configured. */
    public RuntimeValue<HexclaveClient> client(RuntimeValue<HexclaveSettings> settings, ShutdownContext shutdown) {
        HexclaveClient client = HexclaveClient.create(settings.getValue());
        shutdown.addShutdownTask(client::close);
        return new RuntimeValue<>(client);
    }

    /** Finds credentials in requests. */
    public RuntimeValue<HexclaveCredentials> credentials(RuntimeValue<HexclaveSettings> settings) {
        return new RuntimeValue<>(new HexclaveCredentials(settings.getValue()));
    }

    /** Verification as configured by {@code quarkus.hexclave.verification.*}. */
    public RuntimeValue<VerificationPipeline> pipeline(RuntimeValue<HexclaveSettings> settings,
            RuntimeValue<HexclaveTokenVerifier> verifier, boolean restrictedAnnotated, boolean anonymousAnnotated,
            ShutdownContext shutdown) {
        HexclaveConfig c = config.getValue();
        HexclaveSettings global = settings.getValue();
        HexclaveSettings widened = verifierSettings(global, restrictedAnnotated, anonymousAnnotated);
        VerificationMode mode = c.verification().mode();
        VerificationPipeline.TokenCheck rest = null;
        if (mode != VerificationMode.JWT) {
            if (global.secretServerKey().isEmpty()) {
                throw new HexclaveConfigException("quarkus.hexclave.verification.mode=" + mode.name().toLowerCase()
                        + " asks Hexclave about every token and needs the secret server key: set "
                        + "quarkus.hexclave.secret-server-key (or the environment variable HEXCLAVE_SECRET_SERVER_KEY).");
            }
            // Its own client: the allow-restricted/anonymous headers follow the widened policy.
            HexclaveClient client = HexclaveClient.create(widened);
            shutdown.addShutdownTask(client::close);
            RestTokenVerifier restVerifier = new RestTokenVerifier(client, c.verification().restCacheTtl(),
                    c.verification().restCacheSize(), Clock.systemUTC());
            rest = restVerifier::verify;
        }
        return new RuntimeValue<>(new VerificationPipeline(mode, verifier.getValue(), rest, global, widened));
    }

    /** The endpoints annotated {@code @AllowRestrictedUsers} / {@code @AllowAnonymousUsers}, found at build time. */
    public RuntimeValue<UserClassEndpoints> userClassEndpoints(List<String> entries) {
        return new RuntimeValue<>(new UserClassEndpoints(entries));
    }

    /** Status, priority and response headers of the authentication mechanism. */
    public RuntimeValue<MechanismOptions> mechanismOptions() {
        HexclaveConfig c = config.getValue();
        int status = c.keysUnavailableStatus();
        if (status < 500 || status > 599) {
            throw new HexclaveConfigException("quarkus.hexclave.keys-unavailable-status must be a 5xx status "
                    + "(the caller is not at fault), got " + status);
        }
        Optional<String> cacheControl = c.cacheControl().enabled()
                ? Optional.of(c.cacheControl().value()).map(String::strip).filter(v -> !v.isEmpty())
                : Optional.empty();
        return new RuntimeValue<>(new MechanismOptions(c.priority(), status, cacheControl));
    }

    /** Builds the request-scoped {@code CurrentHexclaveUser}s, with the optional profile cache. */
    public RuntimeValue<CurrentUsers> currentUsers(RuntimeValue<HexclaveClient> client) {
        HexclaveConfig.UserProfile profile = config.getValue().userProfile();
        UserProfileCache cache = profile.cacheTtl().isZero() || profile.cacheTtl().isNegative()
                ? null
                : new UserProfileCache(profile.cacheTtl(), profile.cacheSize(), Clock.systemUTC());
        return new RuntimeValue<>(new CurrentUsers(client.getValue(), cache));
    }

    // ---------------------------------------------------------------------------------------------------------

    static HexclaveSettings verifierSettings(HexclaveSettings global, boolean restrictedAnnotated,
            boolean anonymousAnnotated) {
        if (!restrictedAnnotated && !anonymousAnnotated) {
            return global;
        }
        return global.toBuilder()
                .allowRestrictedUsers(global.allowRestrictedUsers() || restrictedAnnotated || anonymousAnnotated)
                .allowAnonymousUsers(global.allowAnonymousUsers() || anonymousAnnotated)
                .build();
    }

    static HexclaveSettings toSettings(HexclaveConfig c, String jcaProvider) {
        String projectId = c.projectId().map(String::strip).filter(s -> !s.isEmpty())
                .orElseThrow(() -> new HexclaveConfigException("The Hexclave project id is not set: set "
                        + "quarkus.hexclave.project-id (or the environment variable HEXCLAVE_PROJECT_ID, which "
                        + "`hexclave dev` injects) to your project's id from the Hexclave dashboard."));
        try {
            HexclaveSettings.Builder b = HexclaveSettings.builder(projectId)
                    .apiUrl(c.apiUrl().orElse(null))
                    .issuerOrigins(c.issuerOrigins().orElse(null))
                    .secretServerKey(c.secretServerKey().orElse(null))
                    .publishableClientKey(c.publishableClientKey().orElse(null))
                    .allowRestrictedUsers(c.allowRestrictedUsers())
                    .allowAnonymousUsers(c.allowAnonymousUsers())
                    .clockSkew(c.clockSkew())
                    .jwksCacheTime(c.jwks().cacheTime())
                    .jwksRefreshCooldown(c.jwks().refreshCooldown())
                    .connectTimeout(c.http().connectTimeout())
                    .readTimeout(c.http().readTimeout())
                    .jcaProvider(jcaProvider)
                    .verifiedTokenCacheSize(c.verifiedTokenCacheSize())
                    .maxRetries(c.client().maxRetries());
            if (c.credentialSources().isPresent()) {
                List<CredentialSource> sources = new ArrayList<>();
                for (String name : c.credentialSources().get()) {
                    try {
                        sources.add(CredentialSource.fromConfigName(name));
                    } catch (IllegalArgumentException e) {
                        throw new HexclaveConfigException("quarkus.hexclave.credential-sources: " + e.getMessage());
                    }
                }
                b.credentialSources(sources);
            }
            return b.build();
        } catch (HexclaveConfigException e) {
            throw new HexclaveConfigException(quarkusKeys(e.getMessage()));
        }
    }

    /** Core messages name {@code hexclave.*} keys; a Quarkus user sets {@code quarkus.hexclave.*}. */
    static String quarkusKeys(String message) {
        return message == null ? null : CORE_KEY.matcher(message).replaceAll("quarkus.hexclave.");
    }
}
