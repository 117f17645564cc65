package io.quarkiverse.hexclave.jakarta.internal;

import java.util.Set;

import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;
import jakarta.servlet.annotation.HandlesTypes;
import jakarta.ws.rs.Path;

import org.jboss.logging.Logger;

import io.quarkiverse.hexclave.security.AllowAnonymousUsers;
import io.quarkiverse.hexclave.security.AllowRestrictedUsers;

/**
 * Finds the per-endpoint grants of a web module when it starts, before any request: the container hands over its
 * root resource classes ({@code @Path}) and the classes annotated {@link AllowRestrictedUsers} /
 * {@link AllowAnonymousUsers}, and the {@link EndpointGrants} found in them (and in the sub-resources their locators
 * return) are kept in the module's {@link ServletContext}. Registered through
 * {@code META-INF/services/jakarta.servlet.ServletContainerInitializer}, which every Servlet container reads from the
 * jars in {@code WEB-INF/lib}. When it does not run (a {@code web.xml} that excludes this jar's fragment), no endpoint
 * grants anything and only the global policy applies.
 */
@HandlesTypes({ Path.class, AllowRestrictedUsers.class, AllowAnonymousUsers.class })
public class HexclaveGrantsInitializer implements ServletContainerInitializer {

    private static final Logger LOG = Logger.getLogger(HexclaveGrantsInitializer.class);

    @Override
    public void onStartup(Set<Class<?>> classes, ServletContext context) {
        EndpointGrants grants = EndpointGrants.scan(classes == null ? Set.of() : classes);
        context.setAttribute(EndpointGrants.CONTEXT_ATTRIBUTE, grants);
        for (String ineffective : grants.ineffective()) {
            LOG.warnf("@AllowRestrictedUsers / @AllowAnonymousUsers does nothing on %s", ineffective);
        }
        if (!grants.granted().isEmpty()) {
            LOG.debugf("Hexclave endpoint grants of %s: %s", context.getContextPath(), grants.granted());
        }
    }
}
