package io.quarkiverse.hexclave.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkiverse.hexclave.client.error.ApiKeyExpiredException;
import io.quarkiverse.hexclave.client.error.ApiKeyNotFoundException;
import io.quarkiverse.hexclave.client.error.ApiKeyNotValidException;
import io.quarkiverse.hexclave.client.error.ApiKeyRevokedException;
import io.quarkiverse.hexclave.client.error.HexclaveApiException;
import io.quarkiverse.hexclave.client.error.UserNotFoundException;
import io.quarkiverse.hexclave.client.error.WrongApiKeyTypeException;
import io.quarkiverse.hexclave.client.model.ApiKey;
import io.quarkiverse.hexclave.client.model.CreateApiKeyRequest;
import io.quarkiverse.hexclave.client.model.CreateTeamRequest;
import io.quarkiverse.hexclave.client.model.CreatedApiKey;
import io.quarkiverse.hexclave.client.model.UpdateApiKeyRequest;
import io.quarkiverse.hexclave.config.Secret;
import io.quarkiverse.hexclave.emulator.EmulatedUser;
import io.quarkiverse.hexclave.emulator.NewUser;
import io.quarkiverse.hexclave.testsupport.CapturedLogs;

/**
 * {@link ApiKeysApi} (user and team keys) against the embedded emulator, every request and response checked against
 * the OpenAPI document, with DEBUG logs captured to prove that no key value leaks.
 */
class ApiKeysApiTest extends EmulatorTestBase {

    @Test
    void userKeyLifecycle() {
        EmulatedUser user = emulator.createUser(NewUser.withEmail("keys@example.com").build());
        Instant expiry = Instant.now().plus(Duration.ofDays(30)).truncatedTo(ChronoUnit.MILLIS);

        CreatedApiKey created = client.userApiKeys().create(user.id(),
                CreateApiKeyRequest.builder("nightly export").expiresAt(expiry).build());
        ApiKey key = created.key();
        assertThat(key.type()).isEqualTo(ApiKey.Type.USER);
        assertThat(key.ownerId()).isEqualTo(user.id());
        assertThat(key.description()).isEqualTo("nightly export");
        assertThat(key.isPublic()).isFalse();
        assertThat(key.expiresAt()).contains(expiry);
        assertThat(key.isValidAt(Instant.now())).isTrue();
        assertThat(created.value().value()).startsWith("sk_").endsWith(key.lastFour());

        assertThat(client.userApiKeys().get(key.id())).isEqualTo(key);
        assertThat(client.userApiKeys().list(user.id())).containsExactly(key);
        assertThat(client.userApiKeys().check(created.value())).isEqualTo(key);

        ApiKey renamed = client.userApiKeys().update(key.id(), UpdateApiKeyRequest.builder().description("export").build());
        assertThat(renamed.description()).isEqualTo("export");
        assertThat(renamed.isRevoked()).isFalse();

        ApiKey revoked = client.userApiKeys().revoke(key.id());
        assertThat(revoked.isRevoked()).isTrue();
        assertThat(revoked.isValidAt(Instant.now())).isFalse();
        assertThatThrownBy(() -> client.userApiKeys().check(created.value())).isInstanceOf(ApiKeyRevokedException.class)
                .isInstanceOf(ApiKeyNotValidException.class);
        assertThat(client.userApiKeys().list(user.id())).extracting(ApiKey::isRevoked).containsExactly(true);
    }

    @Test
    void teamKeysAndWrongTypes() {
        String teamId = client.teams().create(CreateTeamRequest.named("Keyed").build()).id();

        CreatedApiKey teamKey = client.teamApiKeys().create(teamId,
                CreateApiKeyRequest.builder("ci").neverExpires().isPublic(true).build());
        assertThat(teamKey.key().type()).isEqualTo(ApiKey.Type.TEAM);
        assertThat(teamKey.key().ownerId()).isEqualTo(teamId);
        assertThat(teamKey.key().isPublic()).isTrue();
        assertThat(teamKey.key().expiresAt()).isEmpty();
        assertThat(teamKey.value().value()).startsWith("pk_");
        assertThat(client.teamApiKeys().check(teamKey.value()).ownerId()).isEqualTo(teamId);
        assertThat(client.teamApiKeys().list(teamId)).extracting(ApiKey::id).containsExactly(teamKey.key().id());

        assertThatThrownBy(() -> client.userApiKeys().check(teamKey.value()))
                .isInstanceOf(WrongApiKeyTypeException.class)
                .satisfies(e -> assertThat(((HexclaveApiException) e).details().path("actual_type").asText()).isEqualTo("team"));
    }

    @Test
    void expiredUnknownAndOwnerlessKeysAreTyped() {
        EmulatedUser user = emulator.createUser(NewUser.withEmail("expired-key@example.com").build());
        CreatedApiKey expired = client.userApiKeys().create(user.id(),
                CreateApiKeyRequest.builder("old").expiresAt(Instant.now().minusSeconds(60)).build());

        assertThatThrownBy(() -> client.userApiKeys().check(expired.value())).isInstanceOf(ApiKeyExpiredException.class);
        assertThatThrownBy(() -> client.userApiKeys().check(new Secret("sk_" + "0".repeat(60))))
                .isInstanceOf(ApiKeyNotFoundException.class);
        assertThatThrownBy(() -> client.userApiKeys().get(UUID.randomUUID().toString()))
                .isInstanceOf(ApiKeyNotFoundException.class);
        assertThatThrownBy(() -> client.userApiKeys().create(UUID.randomUUID().toString(),
                CreateApiKeyRequest.builder("x").build())).isInstanceOf(UserNotFoundException.class);
        assertThatThrownBy(() -> client.userApiKeys().list(" ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CreateApiKeyRequest.builder(" ")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void keyValuesNeverReachLogsExceptionsOrToString() {
        EmulatedUser user = emulator.createUser(NewUser.withEmail("leak-check@example.com").build());
        List<String> texts = new ArrayList<>();
        String value;
        try (CapturedLogs logs = new CapturedLogs()) {
            CreatedApiKey created = client.userApiKeys().create(user.id(), CreateApiKeyRequest.builder("leak").build());
            value = created.value().value();
            texts.add(created.toString());
            texts.add(created.key().toString());
            client.userApiKeys().revoke(created.key().id());
            for (var presented : List.of(created.value(), new Secret(value + "x"))) {
                try {
                    client.userApiKeys().check(presented);
                } catch (HexclaveApiException e) {
                    texts.add(e.toString());
                    texts.add(String.valueOf(e.getMessage()));
                    texts.add(e.serverMessage().orElse(""));
                    texts.add(e.details().toString());
                }
            }
            assertThat(client.userApiKeys().checkAsync(created.value())).failsWithin(Duration.ofSeconds(5))
                    .withThrowableThat().satisfies(e -> texts.add(e.toString()));
            texts.addAll(logs.texts());
        }
        assertThat(texts).hasSizeGreaterThan(8);
        assertThat(texts).noneMatch(t -> t.contains(value)).noneMatch(t -> t.contains(value.substring(3, 40)));
    }
}
