package io.quarkiverse.hexclave.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkiverse.hexclave.client.error.OAuthAccountAlreadyUsedForSignInException;
import io.quarkiverse.hexclave.client.error.UnknownHexclaveErrorException;
import io.quarkiverse.hexclave.client.error.UserNotFoundException;
import io.quarkiverse.hexclave.client.model.ConnectedAccount;
import io.quarkiverse.hexclave.client.model.LinkOAuthAccountRequest;
import io.quarkiverse.hexclave.client.model.OAuthAccount;
import io.quarkiverse.hexclave.client.model.UpdateOAuthAccountRequest;
import io.quarkiverse.hexclave.emulator.EmulatedUser;
import io.quarkiverse.hexclave.emulator.NewUser;

/** {@link OAuthProvidersApi} against the embedded emulator, every request and response checked against the OpenAPI document. */
class OAuthProvidersApiTest extends EmulatorTestBase {

    @Test
    void linkUpdateConnectAndUnlink() {
        EmulatedUser user = emulator.createUser(NewUser.withEmail("oauth@example.com").build());

        OAuthAccount linked = client.oauthProviders().link(LinkOAuthAccountRequest.builder(user.id(), "github", "583231")
                .email("octo@example.com").allowSignIn(true).build());
        assertThat(linked.userId()).isEqualTo(user.id());
        assertThat(linked.providerConfigId()).isEqualTo("github");
        assertThat(linked.type()).isEqualTo("github");
        assertThat(linked.accountId()).isEqualTo("583231");
        assertThat(linked.allowSignIn()).isTrue();
        assertThat(linked.allowConnectedAccounts()).isFalse();
        assertThat(linked.toString()).doesNotContain("octo@example.com");

        assertThat(client.oauthProviders().get(user.id(), linked.id())).isEqualTo(linked);
        assertThat(client.oauthProviders().list(user.id())).containsExactly(linked);
        assertThat(client.oauthProviders().connectedAccounts(user.id())).isEmpty();
        assertThat(client.users().get(user.id()).oauthProviders()).extracting(p -> p.accountId()).containsExactly("583231");

        OAuthAccount connected = client.oauthProviders().update(user.id(), linked.id(),
                UpdateOAuthAccountRequest.builder().allowConnectedAccounts(true).build());
        assertThat(connected.allowConnectedAccounts()).isTrue();
        assertThat(connected.allowSignIn()).as("unset fields stay").isTrue();
        assertThat(client.oauthProviders().connectedAccounts(user.id()))
                .containsExactly(new ConnectedAccount(user.id(), "github", "583231"));

        client.oauthProviders().unlink(user.id(), linked.id());
        assertThat(client.oauthProviders().list(user.id())).isEmpty();
        assertThatThrownBy(() -> client.oauthProviders().get(user.id(), linked.id()))
                .isInstanceOfSatisfying(UnknownHexclaveErrorException.class, e -> assertThat(e.status()).isEqualTo(404));
    }

    @Test
    void signInAccountsAreUniqueAndErrorsTyped() {
        EmulatedUser first = emulator.createUser(NewUser.withEmail("first-oauth@example.com").build());
        EmulatedUser second = emulator.createUser(NewUser.withEmail("second-oauth@example.com").build());
        client.oauthProviders().link(LinkOAuthAccountRequest.builder(first.id(), "google", "g-1").allowSignIn(true).build());

        assertThatThrownBy(() -> client.oauthProviders().link(LinkOAuthAccountRequest.builder(second.id(), "google", "g-1")
                .allowSignIn(true).build())).isInstanceOf(OAuthAccountAlreadyUsedForSignInException.class);
        assertThat(client.oauthProviders().link(LinkOAuthAccountRequest.builder(second.id(), "google", "g-1")
                .allowConnectedAccounts(true).build()).allowSignIn()).as("linking without sign-in is allowed").isFalse();
        assertThatThrownBy(() -> client.oauthProviders().link(LinkOAuthAccountRequest.builder(first.id(), "not-configured", "x")
                .build())).isInstanceOfSatisfying(UnknownHexclaveErrorException.class, e -> assertThat(e.status()).isEqualTo(404));
        assertThatThrownBy(() -> client.oauthProviders().list(UUID.randomUUID().toString()))
                .isInstanceOf(UserNotFoundException.class);
        assertThatThrownBy(() -> UpdateOAuthAccountRequest.builder().build()).isInstanceOf(IllegalStateException.class);
        assertThat(client.oauthProviders().connectedAccountsAsync("..")).failsWithin(Duration.ofSeconds(5))
                .withThrowableThat().havingRootCause().isInstanceOf(IllegalArgumentException.class);
    }
}
