package io.quarkiverse.hexclave.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.quarkiverse.hexclave.verifier.UserClass;

/**
 * Describes the Hexclave user of a Quarkus {@code @TestSecurity(user = …)} identity: beside {@code @TestSecurity}, the
 * identity's principal is a real {@link io.quarkiverse.hexclave.verifier.HexclavePrincipal} (as
 * {@code @Inject @HexclaveUser} and {@code @Inject JsonWebToken} give it) with {@code sub} = the
 * {@code @TestSecurity} user, of the configured project, of the user class and with the claims described here; its
 * project and team permissions are the ones listed here, and Hexclave is never asked for them.
 * <p>
 * How: the principal is verified from a token minted by a private in-process emulator for the configured project
 * (its key is known only to the test, so the application's mechanism would refuse the raw token); its roles are
 * what the identity provider gives a verified token ({@code authenticated}, {@code restricted}, {@code anonymous}),
 * plus the {@code @TestSecurity} roles. The listed permissions are placed in the extension's permission caches for
 * the test, so {@code @RolesAllowed}, {@code @PermissionsAllowed} with team permissions and
 * {@code HexclaveAuthorization} run their real checks against them. Permissions are taken as listed: containment is
 * not expanded (list every permission a check names).
 * <p>
 * Put it on the same element as {@code @TestSecurity} (or on the method when {@code @TestSecurity} is on the class).
 * A plain {@code @TestSecurity(user = …)} without it gives the same principal with the defaults below: a normal
 * user with no e-mail, no name, no team and no permission.
 *
 * <pre>{@code
 * @Test
 * @TestSecurity(user = "user-1")
 * @HexclaveSecurity(email = "ada@example.com", projectPermissions = "reports_read",
 *         teams = @HexclaveSecurity.Team(id = "acme", permissions = "docs_read", selected = true))
 * void readsTheReports() {
 *     given().get("/reports").then().statusCode(200);
 * }
 * }</pre>
 */
@Target({ ElementType.METHOD, ElementType.TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
public @interface HexclaveSecurity {

    /**
     * The user's class. Restricted and anonymous principals are admitted only where the application admits them
     * (globally, or on an {@code @AllowRestrictedUsers} / {@code @AllowAnonymousUsers} endpoint), as real tokens are;
     * a class the application admits nowhere is refused before the test (its tokens are refused on every request: test
     * that with {@link TestHexclaveUser}).
     */
    UserClass userClass() default UserClass.NORMAL;

    /** The primary e-mail ({@code email}); empty for none. Anonymous users have none. */
    String email() default "";

    /** Whether the e-mail is verified ({@code email_verified}). */
    boolean emailVerified() default true;

    /** The display name ({@code name}); empty for none. */
    String displayName() default "";

    /** The project permissions the user holds: each passes a {@code @RolesAllowed} naming it. */
    String[] projectPermissions() default {};

    /** The teams the user is a member of, with their team permissions; at most one {@link Team#selected()}. */
    Team[] teams() default {};

    /**
     * More claims of the token. Hexclave's own claims have attributes above (or come from {@code @TestSecurity}) and
     * cannot be set here: {@code sub}, {@code iss}, {@code aud}, {@code exp}, {@code iat}, {@code project_id},
     * {@code branch_id}, {@code role}, {@code email}, {@code email_verified}, {@code name},
     * {@code selected_team_id}, {@code is_anonymous}, {@code is_restricted}, {@code restricted_reason},
     * {@code refresh_token_id}, {@code groups}.
     */
    Claim[] claims() default {};

    /** A team of the user. */
    @Target({})
    @Retention(RetentionPolicy.RUNTIME)
    @Documented
    @interface Team {

        /** The team's id (a test chooses it; Hexclave's are UUIDs). */
        String id();

        /** The team's display name; empty for the id. */
        String displayName() default "";

        /** The team permissions the user holds in it. */
        String[] permissions() default {};

        /** Whether it is the user's selected team ({@code selected_team_id}). */
        boolean selected() default false;
    }

    /** One claim of the token. */
    @Target({})
    @Retention(RetentionPolicy.RUNTIME)
    @Documented
    @interface Claim {

        String key();

        String value();

        /** The claim's JSON type: the value is parsed as such. */
        Type type() default Type.STRING;

        /** JSON types of a claim. */
        enum Type {
            STRING,
            LONG,
            BOOLEAN
        }
    }
}
