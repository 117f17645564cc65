package io.quarkiverse.hexclave.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkiverse.hexclave.client.error.EmailAlreadyVerifiedException;
import io.quarkiverse.hexclave.client.error.HexclaveApiException;
import io.quarkiverse.hexclave.client.error.UnknownHexclaveErrorException;
import io.quarkiverse.hexclave.client.error.UserEmailAlreadyExistsException;
import io.quarkiverse.hexclave.client.error.UserNotFoundException;
import io.quarkiverse.hexclave.client.error.VerificationCodeException;
import io.quarkiverse.hexclave.client.model.ContactChannel;
import io.quarkiverse.hexclave.client.model.CreateContactChannelRequest;
import io.quarkiverse.hexclave.client.model.UpdateContactChannelRequest;
import io.quarkiverse.hexclave.config.Secret;
import io.quarkiverse.hexclave.emulator.EmulatedUser;
import io.quarkiverse.hexclave.emulator.NewUser;
import io.quarkiverse.hexclave.emulator.VerificationCode;

/** {@link ContactChannelsApi}, all eight operations, against the embedded emulator with the full OpenAPI contract. */
class ContactChannelsApiTest extends EmulatorTestBase {

    private static final URI CALLBACK = URI.create("http://localhost:3000/handler/email-verification");

    @Test
    void channelLifecycle() {
        EmulatedUser user = emulator.createUser(NewUser.withEmail("channels@example.com").build());

        ContactChannel created = client.contactChannels().create(
                CreateContactChannelRequest.email(user.id(), "second@example.org").build());
        assertThat(created.userId()).isEqualTo(user.id());
        assertThat(created.type()).isEqualTo("email");
        assertThat(created.value()).isEqualTo("second@example.org");
        assertThat(created.usedForAuth()).isFalse();
        assertThat(created.isVerified()).isFalse();
        assertThat(created.toString()).doesNotContain("second@example.org");

        assertThat(client.contactChannels().get(user.id(), created.id())).isEqualTo(created);
        assertThat(client.contactChannels().list(user.id())).extracting(ContactChannel::value)
                .contains("channels@example.com", "second@example.org");

        ContactChannel updated = client.contactChannels().update(user.id(), created.id(),
                UpdateContactChannelRequest.builder().value("third@example.org").usedForAuth(true).build());
        assertThat(updated.value()).isEqualTo("third@example.org");
        assertThat(updated.usedForAuth()).isTrue();

        client.contactChannels().delete(user.id(), created.id());
        assertThat(client.contactChannels().list(user.id())).extracting(ContactChannel::id).doesNotContain(created.id());
        assertThatThrownBy(() -> client.contactChannels().get(user.id(), created.id()))
                .isInstanceOfSatisfying(UnknownHexclaveErrorException.class, e -> assertThat(e.status()).isEqualTo(404));
    }

    @Test
    void verificationWithTheEmailedCode() {
        EmulatedUser user = emulator.createUser(NewUser.withEmail("verify-owner@example.com").build());
        ContactChannel channel = client.contactChannels().create(
                CreateContactChannelRequest.email(user.id(), "to-verify@example.org").build());

        client.contactChannels().sendVerificationCode(user.id(), channel.id(), CALLBACK);
        VerificationCode mailed = emulator.pendingCode(VerificationCode.Purpose.CONTACT_CHANNEL_VERIFICATION,
                "to-verify@example.org").orElseThrow();
        assertThat(mailed.link()).startsWith(CALLBACK.toString());
        Secret code = new Secret(mailed.code());

        assertThat(client.contactChannels().checkVerificationCode(code)).isTrue();
        assertThat(client.contactChannels().get(user.id(), channel.id()).isVerified()).as("checking uses nothing up")
                .isFalse();
        client.contactChannels().verify(code);
        assertThat(client.contactChannels().get(user.id(), channel.id()).isVerified()).isTrue();

        assertThatThrownBy(() -> client.contactChannels().verify(code)).isInstanceOf(VerificationCodeException.class)
                .satisfies(e -> assertThat(e.toString()).doesNotContain(mailed.code()))
                .satisfies(e -> assertThat(((HexclaveApiException) e).serverMessage().orElse("")).doesNotContain(mailed.code()));
        assertThatThrownBy(() -> client.contactChannels().sendVerificationCode(user.id(), channel.id(), CALLBACK))
                .isInstanceOf(EmailAlreadyVerifiedException.class);
        String unknown = "a".repeat(45);
        assertThatThrownBy(() -> client.contactChannels().checkVerificationCode(new Secret(unknown)))
                .isInstanceOf(VerificationCodeException.class)
                .extracting(e -> ((HexclaveApiException) e).code()).isEqualTo("VERIFICATION_CODE_NOT_FOUND");
    }

    @Test
    void conflictsAndUnknownUsersAreTyped() {
        emulator.createUser(NewUser.withEmail("taken@example.com").primaryEmailAuthEnabled(true).build());
        EmulatedUser other = emulator.createUser(NewUser.withEmail("other@example.com").build());

        assertThatThrownBy(() -> client.contactChannels().create(
                CreateContactChannelRequest.email(other.id(), "taken@example.com").usedForAuth(true).build()))
                .isInstanceOf(UserEmailAlreadyExistsException.class);
        assertThatThrownBy(() -> client.contactChannels().create(
                CreateContactChannelRequest.email(UUID.randomUUID().toString(), "x@example.com").build()))
                .isInstanceOf(UserNotFoundException.class);
        assertThatThrownBy(() -> client.contactChannels().sendVerificationCode(other.id(), UUID.randomUUID().toString(),
                URI.create("relative/path"))).isInstanceOf(IllegalArgumentException.class);
        assertThat(client.contactChannels().listAsync(" ")).failsWithin(Duration.ofSeconds(5))
                .withThrowableThat().havingRootCause().isInstanceOf(IllegalArgumentException.class);
    }
}
