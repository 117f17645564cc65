package io.quarkiverse.hexclave.jakarta;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.security.enterprise.AuthenticationException;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import io.quarkiverse.hexclave.config.HexclaveSettings;
import io.quarkiverse.hexclave.credential.CredentialSource;
import io.quarkiverse.hexclave.credential.HexclaveCredentials;
import io.quarkiverse.hexclave.emulator.HexclaveEmulator;
import io.quarkiverse.hexclave.jakarta.internal.EndpointGrants;
import io.quarkiverse.hexclave.security.AllowAnonymousUsers;
import io.quarkiverse.hexclave.security.AllowRestrictedUsers;
import io.quarkiverse.hexclave.verifier.Challenge;
import io.quarkiverse.hexclave.verifier.HexclavePrincipal;
import io.quarkiverse.hexclave.verifier.HexclaveTokenVerifier;
import io.quarkiverse.hexclave.verifier.UserClass;
import io.quarkiverse.hexclave.verifier.UserClassPolicy;

/**
 * {@code @AllowRestrictedUsers} / {@code @AllowAnonymousUsers} in Jakarta EE: the mechanism (before routing) and
 * {@link HexclaveUserClassFilter} (after JAX-RS matched the resource method) together, with real tokens of the
 * emulator and the core verifier; the container's second authentication is the fake's {@code authenticate}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PerEndpointUserClassTest {

    static final String RESTRICTED_NOT_ALLOWED = "Bearer error=\"invalid_token\", "
            + "error_description=\"restricted users are not allowed\"";
    static final String ANONYMOUS_NOT_ALLOWED = "Bearer error=\"invalid_token\", "
            + "error_description=\"anonymous users are not allowed\"";

    @Path("/onboarding")
    public static class Onboarding {
        @GET
        @AllowRestrictedUsers
        public String next() {
            return "next";
        }

        @GET
        @Path("/guest")
        @AllowAnonymousUsers
        public String guest() {
            return "guest";
        }

        @GET
        @Path("/full")
        public String fullUsersOnly() {
            return "full";
        }
    }

    HexclaveEmulator emulator;
    HexclaveSettings settings;
    FakeHttp http;

    @BeforeAll
    void startEmulator() {
        emulator = HexclaveEmulator.builder().build().start();
        settings = HexclaveSettings.builder(emulator.projectId()).apiUrl(emulator.apiUrl()).build();
    }

    @BeforeEach
    void newRequest() {
        http = new FakeHttp();
    }

    @AfterAll
    void stopEmulator() {
        emulator.close();
    }

    /** The mechanism with the global policy of {@code settings} and the endpoint grants {@code granted}. */
    HexclaveHttpAuthenticationMechanism mechanism(UserClassPolicy global, UserClass... granted) {
        HexclaveTokenVerifier verifier = HexclaveTokenVerifier.create(settings,
                global.withGrants(List.of(Set.of(granted))), Clock.systemUTC());
        return new HexclaveHttpAuthenticationMechanism(
                new HexclaveCredentials(emulator.projectId(), Set.of(CredentialSource.values())), verifier);
    }

    /** The container: the first authentication, before routing. */
    AuthenticationStatus arrive(HexclaveHttpAuthenticationMechanism mechanism, String token)
            throws AuthenticationException {
        http.header("Authorization", "Bearer " + token);
        http.onAuthenticate = () -> {
            http.protectedResource = true; // HttpServletRequest#authenticate: mandatory
            try {
                return mechanism.validateRequest(http.request(), http.response(), http.context())
                        == AuthenticationStatus.SUCCESS;
            } catch (AuthenticationException e) {
                throw new IllegalStateException(e);
            }
        };
        return mechanism.validateRequest(http.request(), http.response(), http.context());
    }

    /** JAX-RS matched {@code method} of {@link Onboarding}: the filter's decision. */
    Optional<Challenge> matched(String method) throws NoSuchMethodException {
        Method m = Onboarding.class.getMethod(method);
        return new HexclaveUserClassFilter(http.request(), http.response()).decide(Onboarding.class, m);
    }

    @Test
    void restrictedUserIsAdmittedOnTheGrantingMethodWithoutTheAuthenticatedGroup() throws Exception {
        var mechanism = mechanism(UserClassPolicy.NORMAL_ONLY, UserClass.RESTRICTED);

        assertThat(arrive(mechanism, emulator.mintAccessToken(
                io.quarkiverse.hexclave.emulator.UserClass.RESTRICTED))).isEqualTo(AuthenticationStatus.NOT_DONE);
        assertThat(http.loggedIn).as("not before the endpoint is known").isNull();

        assertThat(matched("next")).isEmpty();
        assertThat(http.loggedIn).isInstanceOf(HexclavePrincipal.class);
        assertThat(((HexclavePrincipal) http.loggedIn).userClass()).isEqualTo(UserClass.RESTRICTED);
        assertThat(http.loggedInGroups).containsExactly("restricted");
        assertThat(http.attributes.get(HexclaveHttpAuthenticationMechanism.PRINCIPAL_ATTRIBUTE)).isSameAs(http.loggedIn);
    }

    @Test
    void restrictedUserIsRefusedOnAMethodThatGrantsNothing() throws Exception {
        var mechanism = mechanism(UserClassPolicy.NORMAL_ONLY, UserClass.RESTRICTED);
        arrive(mechanism, emulator.mintAccessToken(io.quarkiverse.hexclave.emulator.UserClass.RESTRICTED));

        Optional<Challenge> answer = matched("fullUsersOnly");

        assertThat(answer).hasValueSatisfying(c -> {
            assertThat(c.status()).isEqualTo(401);
            assertThat(c.wwwAuthenticate()).isEqualTo(RESTRICTED_NOT_ALLOWED);
        });
        assertThat(http.loggedIn).isNull();
    }

    @Test
    void withoutTheFilterARestrictedUserIsNeverLoggedIn() throws Exception {
        var mechanism = mechanism(UserClassPolicy.NORMAL_ONLY, UserClass.RESTRICTED);

        AuthenticationStatus status = arrive(mechanism,
                emulator.mintAccessToken(io.quarkiverse.hexclave.emulator.UserClass.RESTRICTED));

        // The request continues unauthenticated; nothing but the filter's recorded grant lets the mechanism log in.
        assertThat(status).isEqualTo(AuthenticationStatus.NOT_DONE);
        assertThat(http.loggedIn).isNull();
        assertThat(http.attributes.get(HexclaveHttpAuthenticationMechanism.PRINCIPAL_ATTRIBUTE)).isNull();
        assertThat(http.status).isNull();
    }

    @Test
    void applicationAuthenticateCallWithoutAGrantRefusesTheRestrictedUser() throws Exception {
        var mechanism = mechanism(UserClassPolicy.NORMAL_ONLY, UserClass.RESTRICTED);
        arrive(mechanism, emulator.mintAccessToken(io.quarkiverse.hexclave.emulator.UserClass.RESTRICTED));

        assertThat(http.onAuthenticate.getAsBoolean()).isFalse();
        assertThat(http.loggedIn).isNull();
        assertThat(http.status).isEqualTo(401);
        assertThat(http.responseHeaders).containsEntry("WWW-Authenticate", RESTRICTED_NOT_ALLOWED);
    }

    @Test
    void restrictedUserOnAProtectedResourceIsRefusedBeforeRouting() throws Exception {
        var mechanism = mechanism(UserClassPolicy.NORMAL_ONLY, UserClass.RESTRICTED);
        http.protectedResource();

        assertThat(arrive(mechanism, emulator.mintAccessToken(io.quarkiverse.hexclave.emulator.UserClass.RESTRICTED)))
                .isEqualTo(AuthenticationStatus.SEND_FAILURE);
        assertThat(http.status).isEqualTo(401);
        assertThat(http.responseHeaders).containsEntry("WWW-Authenticate", RESTRICTED_NOT_ALLOWED);
        assertThat(http.loggedIn).isNull();
    }

    @Test
    void withoutAnyGrantARestrictedUserIsRefusedAtOnce() throws Exception {
        var mechanism = mechanism(UserClassPolicy.NORMAL_ONLY);

        assertThat(arrive(mechanism, emulator.mintAccessToken(io.quarkiverse.hexclave.emulator.UserClass.RESTRICTED)))
                .isEqualTo(AuthenticationStatus.SEND_FAILURE);
        assertThat(http.status).isEqualTo(401);
        assertThat(EndpointGrants.pending(http.request())).isEmpty();
    }

    @Test
    void anonymousUserIsRefusedAtOnceWhenOnlyRestrictedUsersAreGranted() throws Exception {
        var mechanism = mechanism(UserClassPolicy.NORMAL_ONLY, UserClass.RESTRICTED);

        assertThat(arrive(mechanism, emulator.mintAccessToken(io.quarkiverse.hexclave.emulator.UserClass.ANONYMOUS)))
                .isEqualTo(AuthenticationStatus.SEND_FAILURE);
        assertThat(http.responseHeaders).containsEntry("WWW-Authenticate", ANONYMOUS_NOT_ALLOWED);
    }

    @Test
    void anonymousUserIsAdmittedOnlyWhereAnonymousUsersAreGranted() throws Exception {
        var mechanism = mechanism(UserClassPolicy.NORMAL_ONLY, UserClass.ANONYMOUS);
        arrive(mechanism, emulator.mintAccessToken(io.quarkiverse.hexclave.emulator.UserClass.ANONYMOUS));

        assertThat(matched("next")).hasValueSatisfying(c -> assertThat(c.wwwAuthenticate())
                .isEqualTo(ANONYMOUS_NOT_ALLOWED));
        assertThat(http.loggedIn).isNull();

        assertThat(matched("guest")).isEmpty();
        assertThat(http.loggedInGroups).containsExactlyInAnyOrder("restricted", "anonymous");
    }

    @Test
    void normalUserIsLoggedInBeforeRoutingAndTheFilterLeavesThemAlone() throws Exception {
        var mechanism = mechanism(UserClassPolicy.NORMAL_ONLY, UserClass.RESTRICTED);

        assertThat(arrive(mechanism, emulator.mintAccessToken(io.quarkiverse.hexclave.emulator.UserClass.NORMAL)))
                .isEqualTo(AuthenticationStatus.SUCCESS);
        assertThat(http.loggedInGroups).containsExactly("authenticated");
        http.onAuthenticate = () -> {
            throw new AssertionError("no second authentication for a normal user");
        };
        assertThat(matched("fullUsersOnly")).isEmpty();
    }

    @Test
    void restrictedUsersAllowedGloballyAreLoggedInBeforeRoutingWithTheAuthenticatedGroup() throws Exception {
        var mechanism = mechanism(UserClassPolicy.of(true, false), UserClass.ANONYMOUS);

        assertThat(arrive(mechanism, emulator.mintAccessToken(io.quarkiverse.hexclave.emulator.UserClass.RESTRICTED)))
                .isEqualTo(AuthenticationStatus.SUCCESS);
        assertThat(http.loggedInGroups).containsExactlyInAnyOrder("authenticated", "restricted");
        assertThat(matched("fullUsersOnly")).isEmpty();
    }

    @Test
    void grantedUserIsRefusedWhenTheSecondAuthenticationFails() throws Exception {
        var mechanism = mechanism(UserClassPolicy.NORMAL_ONLY, UserClass.RESTRICTED);
        arrive(mechanism, emulator.mintAccessToken(io.quarkiverse.hexclave.emulator.UserClass.RESTRICTED));
        http.onAuthenticate = () -> false; // e.g. the container did not ask the mechanism

        assertThat(matched("next")).hasValueSatisfying(c -> assertThat(c.wwwAuthenticate())
                .isEqualTo(RESTRICTED_NOT_ALLOWED));
        assertThat(http.loggedIn).isNull();
    }
}
