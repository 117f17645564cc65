package io.quarkiverse.hexclave.client;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletionStage;

import io.quarkiverse.hexclave.client.model.ContactChannel;
import io.quarkiverse.hexclave.client.model.CreateContactChannelRequest;
import io.quarkiverse.hexclave.client.model.UpdateContactChannelRequest;
import io.quarkiverse.hexclave.config.Secret;

/**
 * Hexclave's contact channels (a user's e-mail addresses), all eight operations of the server API: list, create,
 * get, update, delete, send a verification code, check a code, and verify with it. Server access; blocking and
 * {@code …Async} forms.
 * <p>
 * Errors: {@link io.quarkiverse.hexclave.client.error.UserNotFoundException} /
 * {@link io.quarkiverse.hexclave.client.error.UserIdDoesNotExistException} for an unknown user,
 * {@link io.quarkiverse.hexclave.client.error.UserEmailAlreadyExistsException}
 * ({@code CONTACT_CHANNEL_ALREADY_USED_FOR_AUTH_BY_SOMEONE_ELSE}) when another user signs in with the address,
 * {@link io.quarkiverse.hexclave.client.error.EmailAlreadyVerifiedException},
 * {@link io.quarkiverse.hexclave.client.error.VerificationCodeException}. Hexclave answers an unknown channel with a
 * plain-text 404 or 400 ({@code Contact channel not found}), which arrives as an
 * {@link io.quarkiverse.hexclave.client.error.UnknownHexclaveErrorException} with that status.
 */
public final class ContactChannelsApi {

    private static final String BASE = "/contact-channels";

    private final RequestSender sender;

    ContactChannelsApi(RequestSender sender) {
        this.sender = sender;
    }

    /** A user's contact channels, oldest first ({@code GET /contact-channels?user_id=}, not paginated). */
    public CompletionStage<List<ContactChannel>> listAsync(String userId) {
        return RequestSender.guard(() -> sender.send(ApiCall.of("GET", BASE, Access.SERVER)
                .withQuery(Map.of("user_id", RequestSender.required(userId, "user_id"))))
                .thenApply(r -> Json.items(r, Json.tree(r), ContactChannel.class)));
    }

    /** A user's contact channels. */
    public List<ContactChannel> list(String userId) {
        return sender.blocking(() -> listAsync(userId));
    }

    /** Adds a contact channel to a user ({@code POST /contact-channels}, never retried). */
    public CompletionStage<ContactChannel> createAsync(CreateContactChannelRequest request) {
        return RequestSender.guard(() -> sender.send(ApiCall.of("POST", BASE, Access.SERVER)
                .withBody(Json.object(Objects.requireNonNull(request, "request").fields())))
                .thenApply(r -> Json.read(r, ContactChannel.class)));
    }

    /** Adds a contact channel to a user ({@code POST /contact-channels}). */
    public ContactChannel create(CreateContactChannelRequest request) {
        return sender.blocking(() -> createAsync(request));
    }

    /** One contact channel ({@code GET /contact-channels/{user_id}/{contact_channel_id}}). */
    public CompletionStage<ContactChannel> getAsync(String userId, String contactChannelId) {
        return RequestSender.guard(() -> sender.send(ApiCall.of("GET", path(userId, contactChannelId), Access.SERVER))
                .thenApply(r -> Json.read(r, ContactChannel.class)));
    }

    /** One contact channel. */
    public ContactChannel get(String userId, String contactChannelId) {
        return sender.blocking(() -> getAsync(userId, contactChannelId));
    }

    /** Changes the fields set in {@code request} ({@code PATCH /contact-channels/{user_id}/{contact_channel_id}}). */
    public CompletionStage<ContactChannel> updateAsync(String userId, String contactChannelId,
            UpdateContactChannelRequest request) {
        return RequestSender.guard(() -> sender.send(ApiCall.of("PATCH", path(userId, contactChannelId), Access.SERVER)
                .withBody(Json.object(Objects.requireNonNull(request, "request").fields())))
                .thenApply(r -> Json.read(r, ContactChannel.class)));
    }

    /** Changes the fields set in {@code request}. */
    public ContactChannel update(String userId, String contactChannelId, UpdateContactChannelRequest request) {
        return sender.blocking(() -> updateAsync(userId, contactChannelId, request));
    }

    /**
     * Removes a contact channel ({@code DELETE /contact-channels/{user_id}/{contact_channel_id}}). When a retry (after
     * a lost answer) gets Hexclave's plain-text "not found", an earlier attempt removed it: that counts as success.
     */
    public CompletionStage<Void> deleteAsync(String userId, String contactChannelId) {
        return RequestSender.guard(() -> sender.send(ApiCall.of("DELETE", path(userId, contactChannelId), Access.SERVER),
                e -> e.code() == null && (e.status() == 404 || e.status() == 400)).thenApply(r -> null));
    }

    /** Removes a contact channel. */
    public void delete(String userId, String contactChannelId) {
        sender.blocking(() -> deleteAsync(userId, contactChannelId));
    }

    /**
     * Has Hexclave e-mail a verification link ({@code POST /contact-channels/{user_id}/{id}/send-verification-code}):
     * {@code callbackUrl} with the code appended, the page of your app that calls {@link #verify(Secret)}.
     * {@code EmailAlreadyVerifiedException} if the address is verified already.
     */
    public CompletionStage<Void> sendVerificationCodeAsync(String userId, String contactChannelId, URI callbackUrl) {
        return RequestSender.guard(() -> sender.send(ApiCall.of("POST",
                path(userId, contactChannelId) + "/send-verification-code", Access.SERVER)
                .withBody(Json.MAPPER.createObjectNode().put("callback_url", EmailedCodes.callbackUrl(callbackUrl))))
                .thenApply(r -> null));
    }

    /** Has Hexclave e-mail a verification link. */
    public void sendVerificationCode(String userId, String contactChannelId, URI callbackUrl) {
        sender.blocking(() -> sendVerificationCodeAsync(userId, contactChannelId, callbackUrl));
    }

    /**
     * Whether a verification code is valid, without using it ({@code POST /contact-channels/verify/check-code});
     * Hexclave refuses unknown, expired or used codes with a {@code VerificationCodeException}.
     */
    public CompletionStage<Boolean> checkVerificationCodeAsync(Secret code) {
        return RequestSender.guard(() -> sender.send(ApiCall.of("POST", BASE + "/verify/check-code", Access.SERVER)
                .withBody(EmailedCodes.body(code))).thenApply(EmailedCodes::isValid));
    }

    /** Whether a verification code is valid, without using it. */
    public boolean checkVerificationCode(Secret code) {
        return sender.blocking(() -> checkVerificationCodeAsync(code));
    }

    /** Verifies the contact channel the code was sent for, using the code up ({@code POST /contact-channels/verify}). */
    public CompletionStage<Void> verifyAsync(Secret code) {
        return RequestSender.guard(() -> sender.send(ApiCall.of("POST", BASE + "/verify", Access.SERVER)
                .withBody(EmailedCodes.body(code))).thenApply(r -> null));
    }

    /** Verifies the contact channel the code was sent for. */
    public void verify(Secret code) {
        sender.blocking(() -> verifyAsync(code));
    }

    private static String path(String userId, String contactChannelId) {
        return BASE + "/" + RequestSender.segment(userId) + "/" + RequestSender.segment(contactChannelId);
    }
}
