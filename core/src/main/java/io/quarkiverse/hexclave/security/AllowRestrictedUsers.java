package io.quarkiverse.hexclave.security;

import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * Lets restricted Hexclave users (who have not completed the project's onboarding requirements, such as e-mail
 * verification) call this JAX-RS resource method, or every resource method of this resource class, although the
 * global setting {@code allow-restricted-users} ({@code quarkus.hexclave.*} / {@code hexclave.*}) is off.
 * <p>
 * Such users are authenticated only on requests that JAX-RS matched to a resource method carrying this annotation
 * (or {@link AllowAnonymousUsers}) on the method, its class, or a declaration it implements or overrides: looked up
 * by that method, never by path. On every other request they are refused with 401 and
 * {@code error_description="restricted users are not allowed"}, or (Jakarta EE, outside JAX-RS) left
 * unauthenticated: they never hold an identity there. How each adapter finds the method:
 * <ul>
 * <li>Quarkus: lists the annotated methods at build time and needs lazy authentication
 * ({@code quarkus.http.auth.proactive=false}); the build fails otherwise, and also when the annotation is on a
 * sub-resource locator.</li>
 * <li>Jakarta EE: the mechanism verifies the token before JAX-RS routing, and the adapter's JAX-RS filter
 * ({@code HexclaveUserClassFilter}, a {@code @Provider}) logs such a user in only once the matched resource method
 * grants their class; without that filter they are never logged in. Resources behind a {@code web.xml}
 * security constraint are checked before routing, so they refuse such users.</li>
 * </ul>
 * On the annotated endpoint their identity has the group (role) {@code restricted} but not {@code authenticated}
 * (unless restricted users are allowed globally): protect it with {@code @RolesAllowed({"authenticated",
 * "restricted"})} (or Quarkus' {@code @Authenticated}), not with {@code @RolesAllowed("authenticated")} alone.
 */
@Documented
@Inherited
@Retention(RUNTIME)
@Target({ METHOD, TYPE })
public @interface AllowRestrictedUsers {
}
