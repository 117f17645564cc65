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
 * Elsewhere such users are answered 401 with {@code error_description="restricted users are not allowed"}.
 * Their identity has the role {@code restricted} but not {@code authenticated} (unless restricted users are allowed
 * globally), so protect these endpoints with {@code @Authenticated} or {@code @RolesAllowed({"authenticated",
 * "restricted"})}.
 */
@Documented
@Inherited
@Retention(RUNTIME)
@Target({ METHOD, TYPE })
public @interface AllowRestrictedUsers {
}
