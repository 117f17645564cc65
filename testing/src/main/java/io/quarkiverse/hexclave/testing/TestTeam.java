package io.quarkiverse.hexclave.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A team the {@link TestHexclaveUser} is a member of, created in the Dev Services emulator before the test. Its id is
 * at hand as {@link HexclaveTestTokens#teamId(String)}.
 */
@Target({})
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface TestTeam {

    /** The team's display name, unique among the user's teams (a new team is created for each test). */
    String name();

    /**
     * The team permissions the user holds in it. Each must be defined in the emulator
     * ({@code quarkus.hexclave.devservices.team-permissions}); the emulator's defaults need none.
     */
    String[] permissions() default {};

    /** Whether this is the user's selected team: its id is then the token's {@code selected_team_id}. */
    boolean selected() default false;
}
