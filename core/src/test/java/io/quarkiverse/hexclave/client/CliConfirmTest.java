package io.quarkiverse.hexclave.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.quarkiverse.hexclave.client.error.RefreshTokenNotFoundOrExpiredException;
import io.quarkiverse.hexclave.client.error.UnknownHexclaveErrorException;
import io.quarkiverse.hexclave.client.model.CliLoginAttempt;
import io.quarkiverse.hexclave.client.model.CliPollResult;
import io.quarkiverse.hexclave.client.model.SessionTokens;
import io.quarkiverse.hexclave.config.Secret;
import io.quarkiverse.hexclave.emulator.EmulatedUser;
import io.quarkiverse.hexclave.emulator.NewUser;

/**
 * The confirming side of the CLI login ({@code POST /auth/cli/complete}: check, complete) against the embedded
 * emulator with the full OpenAPI contract: a Java web app confirms, the CLI's poll then gets the user's refresh token.
 */
class CliConfirmTest extends EmulatorTestBase {

    @Test
    void aWebAppConfirmsACliLogin() {
        EmulatedUser user = emulator.createUser(NewUser.withEmail("cli-confirm@example.com").build());
        CliLoginAttempt attempt = client.cliAuth().start(Optional.empty());
        assertThat(client.cliAuth().poll(attempt.pollingCode()).status()).isEqualTo(CliPollResult.Status.WAITING);

        assertThat(client.cliAuth().check(attempt.loginCode())).isEqualTo(CliAuthApi.CliSessionState.NONE);
        SessionTokens browserSession = client.sessions().create(user.id());
        client.cliAuth().complete(attempt.loginCode(), browserSession.refreshToken());

        CliPollResult result = client.cliAuth().poll(attempt.pollingCode());
        assertThat(result.status()).isEqualTo(CliPollResult.Status.SUCCESS);
        Secret cliAccess = client.sessions().refresh(result.refreshToken().orElseThrow());
        assertThat(client.users().me(cliAccess).id()).isEqualTo(user.id());
    }

    @Test
    void unknownCodesAndDeadSessionsAreRefused() {
        assertThatThrownBy(() -> client.cliAuth().check("no-such-code"))
                .isInstanceOfSatisfying(UnknownHexclaveErrorException.class, e -> assertThat(e.status()).isEqualTo(400));
        CliLoginAttempt attempt = client.cliAuth().start(Optional.empty());
        assertThatThrownBy(() -> client.cliAuth().complete(attempt.loginCode(), new Secret("not-a-refresh-token")))
                .isInstanceOf(RefreshTokenNotFoundOrExpiredException.class)
                .hasMessageNotContaining("not-a-refresh-token");
        assertThatThrownBy(() -> client.cliAuth().complete(" ", new Secret("x"))).isInstanceOf(IllegalArgumentException.class);
    }
}
