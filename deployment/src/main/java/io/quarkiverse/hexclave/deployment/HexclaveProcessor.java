package io.quarkiverse.hexclave.deployment;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.spi.DeploymentException;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.jwt.Claim;
import org.jboss.jandex.DotName;

import io.quarkiverse.hexclave.apikey.ApiKeyAuthentication;
import io.quarkiverse.hexclave.cdi.HexclaveUser;
import io.quarkiverse.hexclave.client.HexclaveClient;
import io.quarkiverse.hexclave.config.HexclaveSettings;
import io.quarkiverse.hexclave.credential.HexclaveCredentials;
import io.quarkiverse.hexclave.runtime.HexclaveRecorder;
import io.quarkiverse.hexclave.runtime.internal.CurrentUsers;
import io.quarkiverse.hexclave.runtime.internal.EndpointGrant;
import io.quarkiverse.hexclave.runtime.internal.EndpointVerifier;
import io.quarkiverse.hexclave.runtime.internal.HexclaveConfigFallback;
import io.quarkiverse.hexclave.runtime.internal.HexclaveJsonWebTokenProducer;
import io.quarkiverse.hexclave.runtime.internal.HexclaveUserProducer;
import io.quarkiverse.hexclave.runtime.internal.MechanismOptions;
import io.quarkiverse.hexclave.runtime.internal.UserClassEndpoints;
import io.quarkiverse.hexclave.runtime.internal.UserClassFilter;
import io.quarkiverse.hexclave.runtime.internal.ApiKeyCallerFilter;
import io.quarkiverse.hexclave.runtime.mutiny.MutinyHexclaveClient;
import io.quarkiverse.hexclave.runtime.security.HexclaveApiKeyIdentityProvider;
import io.quarkiverse.hexclave.runtime.security.HexclaveAuthMechanism;
import io.quarkiverse.hexclave.runtime.security.HexclaveIdentityProvider;
import io.quarkiverse.hexclave.security.AllowAnonymousUsers;
import io.quarkiverse.hexclave.security.AllowRestrictedUsers;
import io.quarkiverse.hexclave.security.RefuseApiKeys;
import io.quarkiverse.hexclave.supabase.SupabaseTokens;
import io.quarkiverse.hexclave.verifier.HexclaveTokenVerifier;
import io.quarkus.arc.deployment.AdditionalBeanBuildItem;
import io.quarkus.arc.deployment.SyntheticBeanBuildItem;
import io.quarkus.arc.deployment.UnremovableBeanBuildItem;
import io.quarkus.arc.deployment.ValidationPhaseBuildItem.ValidationErrorBuildItem;
import io.quarkus.arc.deployment.ValidationPhaseBuildItem;
import io.quarkus.arc.processor.BeanInfo;
import io.quarkus.arc.processor.BuildExtension;
import io.quarkus.arc.processor.DotNames;
import io.quarkus.arc.processor.InjectionPointInfo;
import io.quarkus.deployment.Capabilities;
import io.quarkus.deployment.Capability;
import io.quarkus.deployment.metrics.MetricsCapabilityBuildItem;
import io.quarkus.deployment.annotations.BuildProducer;
import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.deployment.annotations.BuildSteps;
import io.quarkus.deployment.annotations.ExecutionTime;
import io.quarkus.deployment.annotations.Record;
import io.quarkus.deployment.builditem.AdditionalIndexedClassesBuildItem;
import io.quarkus.deployment.builditem.ApplicationArchivesBuildItem;
import io.quarkus.deployment.builditem.CombinedIndexBuildItem;
import io.quarkus.deployment.builditem.FeatureBuildItem;
import io.quarkus.deployment.builditem.RunTimeConfigBuilderBuildItem;
import io.quarkus.deployment.builditem.ShutdownContextBuildItem;
import io.quarkus.proxy.deployment.ProxyRegistryBuildItem;
import io.quarkus.runtime.metrics.MetricsFactory;
import io.quarkus.smallrye.health.deployment.spi.HealthBuildItem;
import io.quarkus.tls.deployment.spi.TlsRegistryBuildItem;
import io.quarkus.vertx.core.deployment.CoreVertxBuildItem;
import io.smallrye.jwt.auth.cdi.ClaimValueProducer;
import io.smallrye.jwt.auth.cdi.CommonJwtProducer;
import io.smallrye.jwt.auth.cdi.JsonValueProducer;
import io.smallrye.jwt.auth.cdi.RawClaimTypeProducer;

/**
 * Wires Hexclave security into a Quarkus application: beans, run-time objects, the {@code HEXCLAVE_*} config
 * fallback and the build-time checks. Native-image registrations live in {@link HexclaveNativeProcessor}.
 */
@BuildSteps(onlyIf = HexclaveEnabled.class)
class HexclaveProcessor {

    static final String FEATURE = "hexclave";

    static final DotName HEXCLAVE_USER = DotName.createSimple(HexclaveUser.class);
    static final DotName ALLOW_RESTRICTED_USERS = DotName.createSimple(AllowRestrictedUsers.class);
    static final DotName ALLOW_ANONYMOUS_USERS = DotName.createSimple(AllowAnonymousUsers.class);
    static final DotName REFUSE_API_KEYS = DotName.createSimple(RefuseApiKeys.class);
    private static final DotName RESOURCE_INFO = DotName.createSimple("jakarta.ws.rs.container.ResourceInfo");
    private static final DotName REQUEST_SCOPED = DotName.createSimple(RequestScoped.class);
    private static final DotName DEPENDENT = DotName.createSimple(Dependent.class);
    private static final Set<DotName> LAZY_WRAPPERS = Set.of(DotNames.PROVIDER, DotNames.INSTANCE,
            DotNames.INJECTABLE_INSTANCE);

    @BuildStep
    FeatureBuildItem feature() {
        return new FeatureBuildItem(FEATURE);
    }

    /** The mechanism and identity provider are looked up by Quarkus Security, never injected: keep them. */
    @BuildStep
    AdditionalBeanBuildItem registerSecurityBeans() {
        return AdditionalBeanBuildItem.builder().setUnremovable()
                .addBeanClasses(HexclaveAuthMechanism.class, HexclaveIdentityProvider.class,
                        HexclaveApiKeyIdentityProvider.class)
                // package-private: fires HexclaveKeysUnavailableEvent for both identity providers
                .addBeanClass("io.quarkiverse.hexclave.runtime.security.KeysUnavailableEvents")
                .build();
    }

    /** {@code @HexclaveUser} producers: removed when the application injects neither type. */
    @BuildStep
    AdditionalBeanBuildItem registerUserProducers() {
        return AdditionalBeanBuildItem.builder().addBeanClasses(HexclaveUserProducer.class).build();
    }

    /** The Mutiny face of the client, over the same {@code HexclaveClient}: removed when the application does not inject it. */
    @BuildStep
    AdditionalBeanBuildItem registerMutinyClient() {
        return AdditionalBeanBuildItem.builder().addBeanClasses(MutinyHexclaveClient.class).build();
    }

    /**
     * {@code JsonWebToken} and {@code @Claim} injection when neither quarkus-smallrye-jwt nor quarkus-oidc provides
     * them; with those extensions present, their producers read the same {@code SecurityIdentity} principal.
     */
    @BuildStep
    AdditionalBeanBuildItem jwtClaimIntegration(Capabilities capabilities) {
        if (capabilities.isPresent(Capability.JWT) || capabilities.isPresent(Capability.OIDC)) {
            return null;
        }
        return AdditionalBeanBuildItem.builder()
                .addBeanClasses(HexclaveJsonWebTokenProducer.class, CommonJwtProducer.class,
                        RawClaimTypeProducer.class, JsonValueProducer.class, ClaimValueProducer.class, Claim.class)
                .build();
    }

    /** The tracing decorator of the transport looks up the {@code OpenTelemetry} bean: keep it. */
    @BuildStep
    UnremovableBeanBuildItem keepOpenTelemetry(Capabilities capabilities) {
        if (!capabilities.isPresent(Capability.OPENTELEMETRY_TRACER)) {
            return null;
        }
        return UnremovableBeanBuildItem.beanTypes(DotName.createSimple("io.opentelemetry.api.OpenTelemetry"));
    }

    /** A readiness check of the signing keys, when the application has quarkus-smallrye-health. */
    @BuildStep
    HealthBuildItem registerHealthCheck(Capabilities capabilities, HexclaveBuildTimeConfig config) {
        if (!capabilities.isPresent(Capability.SMALLRYE_HEALTH)) {
            return null;
        }
        return new HealthBuildItem("io.quarkiverse.hexclave.runtime.health.HexclaveKeysHealthCheck",
                HexclaveBuildTimeConfig.flagOrFallback("health.enabled", config.health().enabled()));
    }

    /** {@code quarkus.hexclave.x} falls back to {@code hexclave.x}, hence to {@code HEXCLAVE_X}. */
    @BuildStep
    RunTimeConfigBuilderBuildItem configFallback() {
        return new RunTimeConfigBuilderBuildItem(HexclaveConfigFallback.class);
    }

    /**
     * The resource methods that grant restricted or anonymous users access. They are admitted only while the identity
     * is resolved for a matched resource method, which needs lazy authentication: with proactive authentication
     * (Quarkus' default) the identity is settled before routing, and the annotations would do nothing, so the build
     * fails and says what to set.
     */
    @BuildStep
    UserClassGrantsBuildItem findUserClassGrants(CombinedIndexBuildItem index,
            BuildProducer<UnremovableBeanBuildItem> unremovable) {
        List<EndpointGrant> grants = UserClassEndpointScanner.scan(index.getIndex());
        if (!grants.isEmpty()) {
            boolean proactive = ConfigProvider.getConfig().getOptionalValue("quarkus.http.auth.proactive", Boolean.class)
                    .orElse(true);
            if (proactive) {
                throw new IllegalStateException("@AllowRestrictedUsers / @AllowAnonymousUsers (on " + grants.get(0)
                        .getResourceClass() + "#" + grants.get(0).getMethod() + " …) admit their users only on requests "
                        + "that reach the annotated JAX-RS resource method, which is known only after routing; with "
                        + "proactive authentication the identity is settled before routing and they would do nothing. "
                        + "Set quarkus.http.auth.proactive=false (as Quarkus requires for annotation-based "
                        + "authentication), or allow these users everywhere with quarkus.hexclave.allow-restricted-users"
                        + " / quarkus.hexclave.allow-anonymous-users.");
            }
            // The identity provider reads the matched resource method through Quarkus REST's ResourceInfo bean.
            unremovable.produce(UnremovableBeanBuildItem.beanTypes(RESOURCE_INFO));
        }
        return new UserClassGrantsBuildItem(grants);
    }

    /** The JAX-RS filter that enforces {@code @AllowRestrictedUsers} / {@code @AllowAnonymousUsers}. */
    @BuildStep
    AdditionalIndexedClassesBuildItem registerUserClassFilter(Capabilities capabilities) {
        if (!capabilities.isPresent(Capability.REST) && !capabilities.isPresent(Capability.RESTEASY)) {
            return null;
        }
        return new AdditionalIndexedClassesBuildItem(UserClassFilter.class.getName());
    }

    /**
     * The JAX-RS filter that enforces {@code @RefuseApiKeys}, only in applications that use the annotation: elsewhere
     * it would only cost every request a look at the matched method. (The archives' indexes, not the combined index,
     * which this step's additional class would change.)
     */
    @BuildStep
    AdditionalIndexedClassesBuildItem registerApiKeyCallerFilter(Capabilities capabilities,
            ApplicationArchivesBuildItem archives) {
        if (!capabilities.isPresent(Capability.REST) && !capabilities.isPresent(Capability.RESTEASY)) {
            return null;
        }
        boolean used = archives.getAllApplicationArchives().stream()
                .anyMatch(archive -> !archive.getIndex().getAnnotations(REFUSE_API_KEYS).isEmpty());
        return used ? new AdditionalIndexedClassesBuildItem(ApiKeyCallerFilter.class.getName()) : null;
    }

    /**
     * The run-time objects, as synthetic singletons: settings, verifier, client, credential finder, endpoint grants.
     * Built at run-time init, so a missing project id fails the start, not the build (Dev Services may still supply
     * it).
     */
    @BuildStep
    @Record(ExecutionTime.RUNTIME_INIT)
    void registerRuntimeBeans(HexclaveRecorder recorder, HexclaveBuildTimeConfig buildTimeConfig,
            UserClassGrantsBuildItem grants, ShutdownContextBuildItem shutdown,
            Optional<MetricsCapabilityBuildItem> metrics, CoreVertxBuildItem vertx, TlsRegistryBuildItem tls,
            ProxyRegistryBuildItem proxies, Capabilities capabilities, BuildProducer<SyntheticBeanBuildItem> beans) {
        var settings = recorder.settings(buildTimeConfig.jcaProviderOrFallback().orElse(null));
        var endpoints = recorder.userClassEndpoints(grants.grants());
        // Metrics only with quarkus-micrometer: without it, the binder's Micrometer classes are never loaded.
        var observer = recorder.observer(metrics.isPresent() && metrics.get().metricsSupported(MetricsFactory.MICROMETER));
        var transport = recorder.transport(settings, vertx.getVertx(), tls.registry(), proxies.registry(), shutdown);
        if (capabilities.isPresent(Capability.OPENTELEMETRY_TRACER)) {
            // Spans only with quarkus-opentelemetry: without it, the decorator's OpenTelemetry classes are never loaded.
            transport = recorder.traced(transport);
        }
        var client = recorder.client(settings, observer, transport);
        var endpointVerifier = recorder.endpointVerifier(settings, endpoints, observer, transport, shutdown);

        beans.produce(SyntheticBeanBuildItem.configure(HexclaveSettings.class).scope(Singleton.class)
                .unremovable().setRuntimeInit().runtimeValue(settings).done());
        beans.produce(SyntheticBeanBuildItem.configure(HexclaveTokenVerifier.class).scope(Singleton.class)
                .unremovable().setRuntimeInit().runtimeValue(recorder.verifier(settings, endpointVerifier)).done());
        beans.produce(SyntheticBeanBuildItem.configure(EndpointVerifier.class).scope(Singleton.class)
                .unremovable().setRuntimeInit().runtimeValue(endpointVerifier).done());
        beans.produce(SyntheticBeanBuildItem.configure(HexclaveClient.class).scope(Singleton.class)
                .unremovable().setRuntimeInit().supplier(client).done());
        beans.produce(SyntheticBeanBuildItem.configure(HexclaveCredentials.class).scope(Singleton.class)
                .unremovable().setRuntimeInit().runtimeValue(recorder.credentials(settings)).done());
        beans.produce(SyntheticBeanBuildItem.configure(UserClassEndpoints.class).scope(Singleton.class)
                .unremovable().setRuntimeInit().runtimeValue(endpoints).done());
        beans.produce(SyntheticBeanBuildItem.configure(MechanismOptions.class).scope(Singleton.class)
                .unremovable().setRuntimeInit().runtimeValue(recorder.mechanismOptions()).done());
        // Removable: kept only when injected; created (and its configuration checked) on first injection
        beans.produce(SyntheticBeanBuildItem.configure(SupabaseTokens.class).scope(Singleton.class)
                .setRuntimeInit().createWith(recorder.supabaseTokens()).done());
        beans.produce(SyntheticBeanBuildItem.configure(ApiKeyAuthentication.class).scope(Singleton.class)
                .unremovable().setRuntimeInit().runtimeValue(recorder.apiKeys(settings, client)).done());
        beans.produce(SyntheticBeanBuildItem.configure(CurrentUsers.class).scope(Singleton.class)
                .unremovable().setRuntimeInit().runtimeValue(recorder.currentUsers(client)).done());
    }

    /**
     * {@code @HexclaveUser} values belong to one request: injecting one into a bean that outlives the request would
     * serve one user's data to the next. Fail the build and say how to fix it, as smallrye-jwt does for {@code @Claim}.
     */
    @BuildStep
    ValidationErrorBuildItem checkHexclaveUserInjection(ValidationPhaseBuildItem validationPhase) {
        Collection<InjectionPointInfo> injectionPoints = validationPhase.getContext()
                .get(BuildExtension.Key.INJECTION_POINTS);
        Map<BeanInfo, List<BeanInfo>> injectedInto = new HashMap<>();
        for (InjectionPointInfo ip : injectionPoints) {
            BeanInfo resolved = ip.getResolvedBean();
            if (resolved != null && ip.getTargetBean().isPresent()) {
                injectedInto.computeIfAbsent(resolved, b -> new ArrayList<>()).add(ip.getTargetBean().get());
            }
        }
        List<Throwable> errors = new ArrayList<>();
        for (InjectionPointInfo ip : injectionPoints) {
            if (ip.hasDefaultedQualifier() || ip.getRequiredQualifier(HEXCLAVE_USER) == null
                    || LAZY_WRAPPERS.contains(ip.getType().name()) || ip.getTargetBean().isEmpty()) {
                continue;
            }
            BeanInfo target = ip.getTargetBean().get();
            if (!boundToRequest(target, injectedInto, 0)) {
                errors.add(new DeploymentException(String.format(
                        "@HexclaveUser %s is injected into %s, whose scope @%s outlives the request: it would serve "
                                + "one user's data to another. Make %s @RequestScoped, or inject "
                                + "jakarta.inject.Provider<%s> / jakarta.enterprise.inject.Instance<%s> and call get() "
                                + "per request, or inject org.eclipse.microprofile.jwt.JsonWebToken (a request-scoped "
                                + "proxy) instead.",
                        ip.getRequiredType().name().withoutPackagePrefix(), ip.getTargetInfo(),
                        target.getScope().getDotName().withoutPackagePrefix(),
                        target.getBeanClass().withoutPackagePrefix(),
                        ip.getRequiredType().name().withoutPackagePrefix(),
                        ip.getRequiredType().name().withoutPackagePrefix())));
            }
        }
        return new ValidationErrorBuildItem(errors);
    }

    /** Request-scoped, or dependent and only ever injected into beans bound to the request. */
    private static boolean boundToRequest(BeanInfo bean, Map<BeanInfo, List<BeanInfo>> injectedInto, int depth) {
        DotName scope = bean.getScope().getDotName();
        if (REQUEST_SCOPED.equals(scope)) {
            return true;
        }
        if (!DEPENDENT.equals(scope) || depth > 10) {
            return false;
        }
        for (BeanInfo owner : injectedInto.getOrDefault(bean, List.of())) {
            if (!boundToRequest(owner, injectedInto, depth + 1)) {
                return false;
            }
        }
        return true;
    }
}
