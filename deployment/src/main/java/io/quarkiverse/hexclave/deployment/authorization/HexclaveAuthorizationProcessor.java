package io.quarkiverse.hexclave.deployment.authorization;

import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;

import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;

import org.jboss.jandex.AnnotationInstance;
import org.jboss.jandex.AnnotationTarget;
import org.jboss.jandex.ClassInfo;
import org.jboss.jandex.DotName;
import org.jboss.jandex.IndexView;
import org.jboss.jandex.MethodInfo;
import org.jboss.logging.Logger;

import io.quarkiverse.hexclave.deployment.HexclaveBuildTimeConfig;
import io.quarkiverse.hexclave.deployment.HexclaveEnabled;
import io.quarkiverse.hexclave.runtime.authorization.HexclaveAuthorizationRecorder;
import io.quarkiverse.hexclave.runtime.authorization.HexclaveUnavailableMapper;
import io.quarkiverse.hexclave.runtime.authorization.HexclaveAuthorization;
import io.quarkiverse.hexclave.runtime.authorization.HexclaveGrants;
import io.quarkiverse.hexclave.runtime.authorization.HexclaveTeamPermission;
import io.quarkiverse.hexclave.runtime.authorization.SelectedTeamPermission;
import io.quarkiverse.hexclave.runtime.authorization.TeamPermissionAugmentor;
import io.quarkiverse.hexclave.verifier.HexclavePrincipal;
import io.quarkiverse.hexclave.verifier.UserClass;
import io.quarkus.arc.deployment.AdditionalBeanBuildItem;
import io.quarkus.arc.deployment.BeanArchiveIndexBuildItem;
import io.quarkus.arc.deployment.UnremovableBeanBuildItem;
import io.quarkus.cache.deployment.spi.AdditionalCacheNameBuildItem;
import io.quarkus.deployment.Capabilities;
import io.quarkus.deployment.Capability;
import io.quarkus.deployment.annotations.BuildProducer;
import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.deployment.annotations.BuildSteps;
import io.quarkus.deployment.annotations.ExecutionTime;
import io.quarkus.deployment.annotations.Record;
import io.quarkus.deployment.builditem.AdditionalIndexedClassesBuildItem;
import io.quarkus.deployment.builditem.CombinedIndexBuildItem;
import io.quarkus.deployment.builditem.RunTimeConfigurationDefaultBuildItem;
import io.quarkus.security.Authenticated;
import io.quarkus.security.PermissionsAllowed;
import io.quarkus.security.deployment.AdditionalSecurityCheckBuildItem;

/**
 * Authorization from Hexclave permissions. Project permissions as roles: finds the {@code @RolesAllowed} methods that
 * name a role no identity carries by itself (anything but {@code authenticated}, {@code restricted},
 * {@code anonymous} and {@code **}) and gives exactly those a check that asks Hexclave; no such method, no request
 * costs a call. Team permissions: a permission checker for {@code @PermissionsAllowed} with
 * {@link HexclaveTeamPermission} / {@link SelectedTeamPermission}, and the programmatic {@link HexclaveAuthorization}.
 */
@BuildSteps(onlyIf = HexclaveEnabled.class)
class HexclaveAuthorizationProcessor {

    private static final Logger LOG = Logger.getLogger(HexclaveAuthorizationProcessor.class);

    /** Roles the extension (or Quarkus) grants without asking Hexclave. */
    static final Set<String> BUILT_IN_ROLES = Set.of(HexclavePrincipal.AUTHENTICATED,
            UserClass.RESTRICTED.group(), UserClass.ANONYMOUS.group(), "**");

    private static final DotName ROLES_ALLOWED = DotName.createSimple(RolesAllowed.class);
    private static final DotName PERMISSIONS_ALLOWED = DotName.createSimple(PermissionsAllowed.class);
    private static final DotName PERMISSIONS_ALLOWED_LIST = DotName.createSimple(PermissionsAllowed.List.class);
    private static final DotName HEXCLAVE_AUTHORIZATION = DotName.createSimple(HexclaveAuthorization.class);
    /** The extension's run-time classes, which refer to its beans without being the application's use of them. */
    private static final String OWN_PACKAGE = "io.quarkiverse.hexclave.runtime.";
    private static final Set<DotName> TEAM_PERMISSIONS = Set.of(DotName.createSimple(HexclaveTeamPermission.class),
            DotName.createSimple(SelectedTeamPermission.class));
    private static final Set<DotName> SECURITY_ANNOTATIONS = Set.of(ROLES_ALLOWED,
            DotName.createSimple(PermitAll.class), DotName.createSimple(DenyAll.class),
            DotName.createSimple(Authenticated.class), DotName.createSimple(PermissionsAllowed.class));

    /**
     * The per-user caches and the beans reading them, when the application can use them: it refers to
     * {@link HexclaveAuthorization}, a method names a permission role, or an annotation names a team permission. Other
     * applications keep none, and start without building Quarkus caches for them.
     */
    @BuildStep
    void registerGrants(CombinedIndexBuildItem index, HexclaveAuthorizationBuildTimeConfig config,
            BuildProducer<AdditionalBeanBuildItem> beans,
            BuildProducer<RunTimeConfigurationDefaultBuildItem> configDefaults,
            BuildProducer<AdditionalCacheNameBuildItem> cacheNames) {
        if (!grantsUsed(index.getIndex(), new RolesAsPermissions(config).getAsBoolean())) {
            LOG.debug("Hexclave authorization unused: no permission caches");
            return;
        }
        beans.produce(AdditionalBeanBuildItem.builder()
                .addBeanClasses(HexclaveGrants.class, HexclaveAuthorization.class).build());
        for (String cache : HexclaveGrants.CACHE_NAMES) {
            cacheNames.produce(new AdditionalCacheNameBuildItem(cache));
            // The cache's own keys default to ours (so quarkus.cache.* still wins), and their names become known to
            // the cache's configuration map.
            String cacheKey = "quarkus.cache.caffeine.\"" + cache + "\".";
            configDefaults.produce(new RunTimeConfigurationDefaultBuildItem(cacheKey + "expire-after-write",
                    "${quarkus.hexclave.authorization.cache-ttl:60s}"));
            configDefaults.produce(new RunTimeConfigurationDefaultBuildItem(cacheKey + "maximum-size",
                    "${quarkus.hexclave.authorization.cache-size:10000}"));
        }
    }

    /**
     * Whether anything can ask for grants: a class of the application refers to {@link HexclaveAuthorization} (an
     * injection point, {@code Instance<…>}, a programmatic lookup), a method names a permission role (with
     * {@code authorization.enabled}), or an annotation names a team permission.
     */
    static boolean grantsUsed(IndexView index, boolean rolesAsPermissions) {
        boolean referred = index.getKnownUsers(HEXCLAVE_AUTHORIZATION).stream()
                .anyMatch(user -> !user.name().toString().startsWith(OWN_PACKAGE));
        return referred || teamPermissionsNamed(index)
                || (rolesAsPermissions && !permissionRoleMethods(index).isEmpty());
    }

    /** The role checks look the grants up at run time: keep them when a method names a permission role. */
    @BuildStep(onlyIf = RolesAsPermissions.class)
    UnremovableBeanBuildItem keepGrantsForRoleChecks(CombinedIndexBuildItem index) {
        return permissionRoleMethods(index.getIndex()).isEmpty() ? null
                : UnremovableBeanBuildItem.beanTypes(HexclaveGrants.class);
    }

    /**
     * The augmentor that lets {@code @PermissionsAllowed} check {@link HexclaveTeamPermission} and
     * {@link SelectedTeamPermission}: only when some annotation names one of them.
     */
    @BuildStep
    AdditionalBeanBuildItem registerTeamPermissionChecker(CombinedIndexBuildItem index) {
        return teamPermissionsNamed(index.getIndex()) ? AdditionalBeanBuildItem.unremovableOf(TeamPermissionAugmentor.class)
                : null;
    }

    /** Whether a {@code @PermissionsAllowed} names {@link HexclaveTeamPermission} or {@link SelectedTeamPermission}. */
    static boolean teamPermissionsNamed(IndexView index) {
        for (DotName name : List.of(PERMISSIONS_ALLOWED, PERMISSIONS_ALLOWED_LIST)) {
            for (AnnotationInstance annotation : index.getAnnotations(name)) {
                List<AnnotationInstance> each = name.equals(PERMISSIONS_ALLOWED) ? List.of(annotation)
                        : Arrays.asList(annotation.value().asNestedArray());
                if (each.stream().map(a -> a.value("permission"))
                        .anyMatch(v -> v != null && TEAM_PERMISSIONS.contains(v.asClass().name()))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The JAX-RS mapper that answers a check that found Hexclave unavailable with 503. */
    @BuildStep
    AdditionalIndexedClassesBuildItem registerUnavailableMapper(Capabilities capabilities) {
        if (!capabilities.isPresent(Capability.REST) && !capabilities.isPresent(Capability.RESTEASY)) {
            return null;
        }
        return new AdditionalIndexedClassesBuildItem(HexclaveUnavailableMapper.class.getName());
    }

    /** Replaces Quarkus' roles check on each method that names a permission role (keyed as Quarkus keys it). */
    @BuildStep(onlyIf = RolesAsPermissions.class)
    @Record(ExecutionTime.STATIC_INIT)
    void permissionRoleChecks(BeanArchiveIndexBuildItem beanArchive, HexclaveAuthorizationRecorder recorder,
            BuildProducer<AdditionalSecurityCheckBuildItem> checks) {
        permissionRoleMethods(beanArchive.getIndex()).forEach((method, roles) -> {
            List<String> permissionRoles = roles.stream().filter(r -> !BUILT_IN_ROLES.contains(r)).toList();
            LOG.debugf("Hexclave project permissions %s grant %s.%s", permissionRoles, method.declaringClass().name(),
                    method.name());
            checks.produce(new AdditionalSecurityCheckBuildItem(method,
                    recorder.permissionRolesCheck(roles, permissionRoles)));
        });
    }

    /**
     * Each method whose effective {@code @RolesAllowed} (its own, else its class's when it has no security annotation
     * of its own) names a role outside {@link #BUILT_IN_ROLES}, with all the roles it names. Roles with a config
     * expression ({@code ${…}}) stay Quarkus' to resolve.
     */
    static Map<MethodInfo, List<String>> permissionRoleMethods(IndexView index) {
        Map<MethodInfo, List<String>> found = new LinkedHashMap<>();
        for (AnnotationInstance annotation : index.getAnnotations(ROLES_ALLOWED)) {
            List<String> roles = roles(annotation);
            if (roles.isEmpty()) {
                continue;
            }
            AnnotationTarget target = annotation.target();
            if (target.kind() == AnnotationTarget.Kind.METHOD) {
                found.put(target.asMethod(), roles);
            } else if (target.kind() == AnnotationTarget.Kind.CLASS) {
                ClassInfo type = target.asClass();
                for (MethodInfo method : type.methods()) {
                    if (securable(method) && method.annotations().stream()
                            .noneMatch(a -> a.target().kind() == AnnotationTarget.Kind.METHOD
                                    && SECURITY_ANNOTATIONS.contains(a.name()))) {
                        found.putIfAbsent(method, roles);
                    }
                }
            }
        }
        return found;
    }

    /** The roles of {@code annotation} when one needs a permission, else none. */
    private static List<String> roles(AnnotationInstance annotation) {
        List<String> roles = annotation.value() == null ? List.of()
                : new ArrayList<>(Arrays.asList(annotation.value().asStringArray()));
        boolean needsPermission = roles.stream().anyMatch(r -> !BUILT_IN_ROLES.contains(r));
        boolean configExpression = roles.stream().anyMatch(r -> r.contains("${"));
        return needsPermission && !configExpression ? List.copyOf(roles) : List.of();
    }

    /** {@code quarkus.hexclave.authorization.enabled}. */
    static final class RolesAsPermissions implements BooleanSupplier {

        private final HexclaveAuthorizationBuildTimeConfig config;

        RolesAsPermissions(HexclaveAuthorizationBuildTimeConfig config) {
            this.config = config;
        }

        @Override
        public boolean getAsBoolean() {
            return HexclaveBuildTimeConfig.flagOrFallback("authorization.enabled", config.enabled());
        }
    }

    private static boolean securable(MethodInfo method) {
        short flags = method.flags();
        return Modifier.isPublic(flags) && !Modifier.isStatic(flags) && !method.isSynthetic()
                && !method.isConstructor() && !method.isStaticInitializer();
    }
}
