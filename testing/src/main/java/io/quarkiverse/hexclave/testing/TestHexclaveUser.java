package io.quarkiverse.hexclave.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

import io.quarkiverse.hexclave.testing.internal.IntegrationTestUserExtension;
import io.quarkiverse.hexclave.verifier.UserClass;

/**
 * Runs a {@code @QuarkusTest} method (or every method of a class) as a Hexclave user: before each test a user is
 * created in the Dev Services emulator, a real access token is minted for a new session, and every RestAssured request
 * of the test carries it in {@code Authorization: Bearer} (unless the request sets an {@code Authorization} header
 * itself). The token goes through the real authentication mechanism: nothing is bypassed.
 * <p>
 * The user is at hand as {@link HexclaveTestTokens#current()}. A method annotation replaces the class annotation.
 * Needs the emulator, so leave {@code quarkus.hexclave.api-url} unset in test mode.
 * <p>
 * Also works in a {@code @QuarkusIntegrationTest}: the user is created in the emulator that the packaged application
 * trusts (the one the test's configuration names: Dev Services', published to the test by Quarkus, or a test
 * resource's), on loopback only. There the demo user is not available, and {@code HexclaveTestTokens} cannot be
 * injected.
 *
 * <pre>{@code
 * @QuarkusTest
 * class GreetingTest {
 *     @Test
 *     @TestHexclaveUser(displayName = "Ada")
 *     void greetsTheSignedInUser() {
 *         given().get("/hello").then().statusCode(200).body(is("Hello, Ada"));
 *     }
 *
 *     @Test
 *     @TestHexclaveUser(projectPermissions = "admin", teams = @TestTeam(name = "Acme", permissions = "docs_read", selected = true))
 *     void adminOfAcme() {
 *         given().get("/admin").then().statusCode(200);
 *     }
 * }
 * }</pre>
 */
@Target({ ElementType.METHOD, ElementType.TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(IntegrationTestUserExtension.class)
public @interface TestHexclaveUser {

    /** The user's primary e-mail (verified); empty for a generated {@code user-<random>@example.com}. */
    String email() default "";

    /** The user's display name; empty for a generated {@code Test User <random>}. */
    String displayName() default "";

    /**
     * The user's class: {@code NORMAL}, {@code RESTRICTED} (restricted by an administrator) or {@code ANONYMOUS}
     * (no e-mail). Restricted and anonymous tokens are rejected unless the application or endpoint allows them.
     */
    UserClass userClass() default UserClass.NORMAL;

    /**
     * The project permissions the user holds (granted before the test, so an {@code @RolesAllowed} naming them
     * passes). Each must be defined in the emulator: {@code quarkus.hexclave.devservices.project-permissions}.
     */
    String[] projectPermissions() default {};

    /** Teams the user is a member of, with their team permissions; at most one {@link TestTeam#selected()}. */
    TestTeam[] teams() default {};

    /** Sign in as the seeded demo user ({@code demo@example.com}) instead of a new user; the other values are ignored. */
    boolean demoUser() default false;
}
