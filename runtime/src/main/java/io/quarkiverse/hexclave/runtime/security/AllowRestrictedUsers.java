package io.quarkiverse.hexclave.runtime.security;

import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * Lets restricted Hexclave users (who have not completed the project's onboarding requirements, such as e-mail
 * verification) call this JAX-RS resource method, or every method of this resource class, although
 * {@code quarkus.hexclave.allow-restricted-users} is off.
 * <p>
 * Such users are authenticated only on requests that JAX-RS matched to a resource method carrying this
 * annotation (or
 * {@link AllowAnonymousUsers}) (on the method, its class, or a declaration it implements), looked up
 * by that method, never by path, at the identity provider and again in a JAX-RS filter. This needs lazy
 * authentication ({@code quarkus.http.auth.proactive=false}): the build fails otherwise, and also when the annotation
 * is on a sub-resource locator. On every other request (unannotated endpoints, Vert.x routes, static files,
 * {@code /q/*}, WebSocket upgrades, HTTP permission policies checked before routing) the token is refused with 401
 * and {@code error_description="restricted users are not allowed"}: they never hold a {@code SecurityIdentity}
 * there.
 * <p>
 * On the annotated endpoint their identity has the role {@code restricted} but not {@code authenticated} (unless
 * restricted users are allowed globally), so protect it with {@code @Authenticated} (which is safe: nobody but the
 * admitted classes and normal users is authenticated here) or {@code @RolesAllowed({"authenticated",
 * "restricted"})}, not with {@code @RolesAllowed("authenticated")} alone.
 */
@Documented
@Inherited
@Retention(RUNTIME)
@Target({ METHOD, TYPE })
public @interface AllowRestrictedUsers {
}
