package io.quarkiverse.hexclave.emulator.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Starts one {@link io.quarkiverse.hexclave.emulator.HexclaveEmulator} for the annotated test class and injects it
 * into test constructors, lifecycle and test methods. Same as {@code @ExtendWith(HexclaveEmulatorExtension.class)}
 * with the settings below.
 */
@Target({ ElementType.TYPE, ElementType.ANNOTATION_TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(HexclaveEmulatorExtension.class)
public @interface WithHexclaveEmulator {

    /** The project id; empty (default) for a random UUID. */
    String projectId() default "";

    /** Whether client-access requests need the publishable client key (default true). */
    boolean requirePublishableClientKey() default true;

    /** Whether to create the demo user ({@code demo@example.com}) before the tests (default false). */
    boolean seedDemoUser() default false;

    /**
     * Whether to use one emulator for the whole test run (default false: one per test class). The first class that
     * needs the shared emulator decides its settings; it is closed when the test run ends. Tests sharing it must not
     * depend on each other's users, sessions, faults or keys.
     */
    boolean shared() default false;
}
