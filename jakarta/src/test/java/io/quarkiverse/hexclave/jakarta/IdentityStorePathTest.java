package io.quarkiverse.hexclave.jakarta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;

import jakarta.security.enterprise.AuthenticationException;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;

import org.junit.jupiter.api.Test;

import io.quarkiverse.hexclave.credential.CredentialSource;
import io.quarkiverse.hexclave.credential.HexclaveCredentials;
import io.quarkiverse.hexclave.jakarta.internal.HexclaveIdentityStore;
import io.quarkiverse.hexclave.jakarta.internal.ProjectPermissionGroupStore;
import io.quarkiverse.hexclave.verifier.HexclavePrincipal;
import io.quarkiverse.hexclave.verifier.UserClass;
import io.quarkiverse.hexclave.verifier.Verification;

/** The mechanism logs a verified user in through Jakarta Security's identity stores, the application's included. */
class IdentityStorePathTest {

    static final String TOKEN = HexclaveHttpAuthenticationMechanismTest.TOKEN;

    final FakeHttp http = new FakeHttp().header("Authorization", "Bearer " + TOKEN);
    final HexclavePrincipal alice = EmulatedPrincipals.principal(UserClass.NORMAL);

    AuthenticationStatus authenticate(IdentityStoreHandler handler) throws AuthenticationException {
        return new HexclaveHttpAuthenticationMechanism(
                new HexclaveCredentials(HexclaveHttpAuthenticationMechanismTest.PROJECT, Set.of(CredentialSource.values())),
                new StubVerifier(token -> new Verification.Accepted(alice), token -> true), handler)
                .validateRequest(http.request(), http.response(), http.context());
    }

    /** An application's store that only provides groups, from the validated caller. */
    static IdentityStore groupsStore(String group) {
        return new IdentityStore() {
            @Override
            public Set<String> getCallerGroups(CredentialValidationResult result) {
                return result.getCallerPrincipal() instanceof HexclaveCallerPrincipal c && c.hexclavePrincipal().email().isPresent()
                        ? Set.of(group)
                        : Set.of();
            }

            @Override
            public Set<ValidationType> validationTypes() {
                return Set.of(ValidationType.PROVIDE_GROUPS);
            }
        };
    }

    @Test
    void applicationGroupStoreAddsItsGroupsToHexclaves() throws AuthenticationException {
        AuthenticationStatus status = authenticate(
                new SpecIdentityStoreHandler(new HexclaveIdentityStore(), groupsStore("customer")));

        assertThat(status).isEqualTo(AuthenticationStatus.SUCCESS);
        assertThat(http.loggedIn).isSameAs(alice);
        assertThat(http.loggedInGroups).containsExactlyInAnyOrder("authenticated", "customer");
        assertThat(http.attributes).containsEntry(HexclaveHttpAuthenticationMechanism.PRINCIPAL_ATTRIBUTE, alice);
    }

    @Test
    void projectPermissionsBecomeGroupsBesideTheApplicationsOwn() throws AuthenticationException {
        authenticate(new SpecIdentityStoreHandler(new HexclaveIdentityStore(), groupsStore("customer"),
                new ProjectPermissionGroupStore(userId -> userId.equals(alice.userId()) ? Set.of("admin", "read") : Set.of())));

        assertThat(http.loggedInGroups).containsExactlyInAnyOrder("authenticated", "customer", "admin", "read");
    }

    @Test
    void permissionsUnavailableGive503NeverALoginWithoutThem() throws AuthenticationException {
        AuthenticationStatus status = authenticate(new SpecIdentityStoreHandler(new HexclaveIdentityStore(),
                new ProjectPermissionGroupStore(userId -> {
                    throw new AuthorizationUnavailableException("Hexclave could not list the user's project permissions",
                            null);
                })));

        assertThat(status).isEqualTo(AuthenticationStatus.SEND_FAILURE);
        assertThat(http.status).isEqualTo(503);
        assertThat(http.loggedIn).isNull();
        assertThat(http.attributes).doesNotContainKey(HexclaveHttpAuthenticationMechanism.PRINCIPAL_ATTRIBUTE);
    }

    @Test
    void permissionGroupsAreOnlyForHexclaveCallers() {
        ProjectPermissionGroupStore store = new ProjectPermissionGroupStore(userId -> Set.of("admin"));

        assertThat(store.getCallerGroups(new CredentialValidationResult("form-user"))).isEmpty();
        assertThat(store.validationTypes()).containsExactly(IdentityStore.ValidationType.PROVIDE_GROUPS);
    }

    @Test
    void withoutApplicationStoresTheGroupsAreTheUserClass() throws AuthenticationException {
        authenticate(new SpecIdentityStoreHandler(new HexclaveIdentityStore()));

        assertThat(http.loggedInGroups).containsExactly("authenticated");
    }

    @Test
    void hexclaveStoreLeavesOtherCredentialsToOtherStores() {
        assertThat(new HexclaveIdentityStore().validate(new UsernamePasswordCredential("admin", "secret")).getStatus())
                .isEqualTo(CredentialValidationResult.Status.NOT_VALIDATED);
        assertThat(new HexclaveIdentityStore().validationTypes())
                .containsExactlyInAnyOrder(IdentityStore.ValidationType.VALIDATE, IdentityStore.ValidationType.PROVIDE_GROUPS);
    }

    @Test
    void credentialNeverPrintsTheToken() {
        assertThat(new HexclaveTokenCredential(alice).toString()).contains(alice.userId()).doesNotContain("eyJ");
    }

    @Test
    void noStoreValidatingTheCredentialGives401NotALogin() throws AuthenticationException {
        AuthenticationStatus status = authenticate(c -> CredentialValidationResult.INVALID_RESULT);

        assertThat(status).isEqualTo(AuthenticationStatus.SEND_FAILURE);
        assertThat(http.status).isEqualTo(401);
        assertThat(http.responseHeaders.get("WWW-Authenticate")).contains("invalid_token");
        assertThat(http.loggedIn).isNull();
        assertThat(http.attributes).doesNotContainKey(HexclaveHttpAuthenticationMechanism.PRINCIPAL_ATTRIBUTE);
    }

    @Test
    void groupsUnavailableGives503EvenWhenTheHandlerWrapsIt() throws AuthenticationException {
        AuthenticationStatus status = authenticate(c -> {
            throw new IllegalStateException("store failed",
                    new AuthorizationUnavailableException("Hexclave is unreachable", new java.net.ConnectException()));
        });

        assertThat(status).isEqualTo(AuthenticationStatus.SEND_FAILURE);
        assertThat(http.status).isEqualTo(503);
        assertThat(http.responseHeaders).containsKey("Retry-After").doesNotContainKey("WWW-Authenticate");
        assertThat(http.loggedIn).isNull();
    }

    @Test
    void anApplicationStoresOwnFailureIsNotHiddenAsAHexclaveAnswer() {
        assertThatThrownBy(() -> authenticate(c -> {
            throw new IllegalStateException("the application's database is down");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(http.loggedIn).isNull();
    }
}
