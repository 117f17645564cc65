package io.quarkiverse.hexclave.security;

import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * Refuses callers authenticated by a Hexclave API key on this JAX-RS resource method, or on every resource method of
 * this resource class: they get 403, while callers with an access token pass as usual (for example an endpoint that
 * changes a user's password or creates more keys, which a script should not reach).
 * <p>
 * The opposite, an endpoint only for key callers, needs no annotation: every key caller has the role
 * {@code hexclave-api-key}, so {@code @RolesAllowed("hexclave-api-key")} requires one.
 */
@Documented
@Inherited
@Retention(RUNTIME)
@Target({ METHOD, TYPE })
public @interface RefuseApiKeys {
}
