package io.quarkiverse.hexclave.cdi;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import jakarta.inject.Qualifier;

/**
 * Qualifies the current Hexclave user, whatever {@code JsonWebToken} producer the container prefers:
 * <pre>{@code
 * @Inject @HexclaveUser HexclavePrincipal principal;   // the verified token's claims, no network call
 * @Inject @HexclaveUser CurrentHexclaveUser user;      // claims at once, the full profile lazily
 * }</pre>
 */
@Qualifier
@Documented
@Retention(RUNTIME)
@Target({ METHOD, FIELD, PARAMETER, TYPE })
public @interface HexclaveUser {
}
