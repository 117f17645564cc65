package io.quarkiverse.hexclave.testing.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Method;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkiverse.hexclave.testing.HexclaveSecurity;
import io.quarkiverse.hexclave.testing.TestHexclaveUser;
import io.quarkiverse.hexclave.verifier.UserClass;
import io.quarkiverse.hexclave.verifier.UserClassPolicy;
import io.quarkus.test.security.TestSecurity;

/** A {@code @HexclaveSecurity} that could not take effect is refused with a message saying what to do. */
class HexclaveSecurityMisuseTest {

    static class Examples {
        @HexclaveSecurity
        void withoutTestSecurity() {
        }

        @TestSecurity
        @HexclaveSecurity
        void testSecurityWithoutUser() {
        }

        @TestSecurity(user = "u")
        @HexclaveSecurity
        @TestHexclaveUser
        void withTestHexclaveUser() {
        }

        @TestSecurity(user = "u")
        @HexclaveSecurity
        void correct() {
        }

        void plain() {
        }

        @TestSecurity(user = "u")
        void plainTestSecurity() {
        }

        @HexclaveSecurity(teams = { @HexclaveSecurity.Team(id = "a", selected = true),
                @HexclaveSecurity.Team(id = "b", selected = true) })
        void twoSelectedTeams() {
        }

        @HexclaveSecurity(teams = { @HexclaveSecurity.Team(id = "a"), @HexclaveSecurity.Team(id = "a") })
        void sameTeamTwice() {
        }

        @HexclaveSecurity(claims = @HexclaveSecurity.Claim(key = "email", value = "x@example.com"))
        void reservedClaim() {
        }

        @HexclaveSecurity(claims = @HexclaveSecurity.Claim(key = "level", value = "high", type = HexclaveSecurity.Claim.Type.LONG))
        void badLong() {
        }

        @HexclaveSecurity(claims = @HexclaveSecurity.Claim(key = "beta", value = "yes", type = HexclaveSecurity.Claim.Type.BOOLEAN))
        void badBoolean() {
        }

        @HexclaveSecurity(userClass = UserClass.ANONYMOUS, email = "guest@example.com")
        void anonymousWithEmail() {
        }
    }

    @HexclaveSecurity
    static class DescribedOnTheClass {
        @TestSecurity(user = "u")
        void securityOnTheMethod() {
        }
    }

    @TestSecurity(user = "u")
    @HexclaveSecurity
    static class BothOnTheClass {
        void test() {
        }
    }

    private static Method method(Class<?> type, String name) throws NoSuchMethodException {
        return type.getDeclaredMethod(name);
    }

    private static String problem(String name) throws NoSuchMethodException {
        return HexclaveSecurityCallback.problem(method(Examples.class, name), Examples.class).orElse(null);
    }

    @Test
    void withoutTestSecurity() throws Exception {
        assertThat(problem("withoutTestSecurity")).contains("has no @TestSecurity")
                .contains("@TestSecurity(user = \"<user id>\")").contains("Examples#withoutTestSecurity");
    }

    @Test
    void testSecurityWithoutAUser() throws Exception {
        assertThat(problem("testSecurityWithoutUser")).contains("names no user");
    }

    @Test
    void besideTestHexclaveUser() throws Exception {
        assertThat(problem("withTestHexclaveUser")).contains("both @TestHexclaveUser").contains("choose one");
    }

    @Test
    void describedOnTheClassWhileTestSecurityIsOnTheMethod() throws Exception {
        assertThat(HexclaveSecurityCallback.problem(method(DescribedOnTheClass.class, "securityOnTheMethod"),
                DescribedOnTheClass.class)).hasValueSatisfying(p -> assertThat(p).contains("put @HexclaveSecurity on the method"));
    }

    @Test
    void correctUsesPass() throws Exception {
        assertThat(problem("correct")).isNull();
        assertThat(problem("plain")).isNull();
        assertThat(problem("plainTestSecurity")).isNull();
        assertThat(HexclaveSecurityCallback.problem(method(BothOnTheClass.class, "test"), BothOnTheClass.class)).isEmpty();
    }

    private static HexclaveSecurity description(String name) throws NoSuchMethodException {
        return method(Examples.class, name).getAnnotation(HexclaveSecurity.class);
    }

    @Test
    void aUserClassTheApplicationAdmitsNowhereIsRefused() {
        UserClassPolicy normalOnly = UserClassPolicy.of(false, false);
        assertThat(HexclaveTestSecurityAugmentor.refusedEverywhere(normalOnly, UserClass.RESTRICTED))
                .hasValueSatisfying(m -> assertThat(m).contains("admits restricted users nowhere")
                        .contains("quarkus.hexclave.allow-restricted-users")
                        .contains("@TestHexclaveUser(userClass = RESTRICTED)"));
        assertThat(HexclaveTestSecurityAugmentor.refusedEverywhere(normalOnly, UserClass.ANONYMOUS))
                .hasValueSatisfying(m -> assertThat(m).contains("quarkus.hexclave.allow-anonymous-users"));
        assertThat(HexclaveTestSecurityAugmentor.refusedEverywhere(normalOnly, UserClass.NORMAL)).isEmpty();
        UserClassPolicy oneEndpointGrant = normalOnly.withGrants(List.of(UserClassPolicy.grant(true, false)));
        assertThat(HexclaveTestSecurityAugmentor.refusedEverywhere(oneEndpointGrant, UserClass.RESTRICTED)).isEmpty();
        assertThat(HexclaveTestSecurityAugmentor.refusedEverywhere(oneEndpointGrant, UserClass.ANONYMOUS)).isPresent();
        assertThat(HexclaveTestSecurityAugmentor.refusedEverywhere(UserClassPolicy.of(false, true), UserClass.ANONYMOUS))
                .isEmpty();
    }

    @Test
    void invalidDescriptionsAreRefused() {
        assertThatThrownBy(() -> TestPrincipals.validate(description("twoSelectedTeams")))
                .hasMessageContaining("at most one team can be selected");
        assertThatThrownBy(() -> TestPrincipals.validate(description("sameTeamTwice")))
                .hasMessageContaining("each team needs an id of its own");
        assertThatThrownBy(() -> TestPrincipals.validate(description("reservedClaim")))
                .hasMessageContaining("the claim email is Hexclave's own");
        assertThatThrownBy(() -> TestPrincipals.validate(description("badLong")))
                .hasMessageContaining("level is of type LONG");
        assertThatThrownBy(() -> TestPrincipals.validate(description("badBoolean")))
                .hasMessageContaining("beta is of type BOOLEAN");
        assertThatThrownBy(() -> TestPrincipals.validate(description("anonymousWithEmail")))
                .hasMessageContaining("anonymous users have no e-mail");
    }
}
