package io.quarkiverse.hexclave.security;

import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * Lets anonymous (guest) Hexclave users, and restricted users, call this JAX-RS resource method, or every resource
 * method of this resource class, although the global setting {@code allow-anonymous-users}
 * ({@code quarkus.hexclave.*} / {@code hexclave.*}) is off.
 * <p>
 * The same rules as {@link AllowRestrictedUsers} apply: such users are authenticated only on requests that JAX-RS
 * matched to a resource method carrying this annotation (on the method, its class, or a declaration it implements or
 * overrides), looked up by that method, never by path; elsewhere they are refused with 401 and
 * {@code error_description="anonymous users are not allowed"}, or (Jakarta EE, outside JAX-RS) left unauthenticated.
 * <p>
 * On the annotated endpoint their identity has the groups (roles) {@code anonymous} and {@code restricted} but not
 * {@code authenticated} (unless anonymous users are allowed globally): protect it with
 * {@code @RolesAllowed({"authenticated", "anonymous"})} (or Quarkus' {@code @Authenticated}), not with
 * {@code @RolesAllowed("authenticated")} alone.
 */
@Documented
@Inherited
@Retention(RUNTIME)
@Target({ METHOD, TYPE })
public @interface AllowAnonymousUsers {
}
