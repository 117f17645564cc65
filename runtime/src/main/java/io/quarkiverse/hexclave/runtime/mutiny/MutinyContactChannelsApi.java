package io.quarkiverse.hexclave.runtime.mutiny;

import java.net.URI;
import java.util.List;

import io.quarkiverse.hexclave.client.ContactChannelsApi;
import io.quarkiverse.hexclave.client.model.ContactChannel;
import io.quarkiverse.hexclave.client.model.CreateContactChannelRequest;
import io.quarkiverse.hexclave.client.model.UpdateContactChannelRequest;
import io.quarkiverse.hexclave.config.Secret;
import io.smallrye.mutiny.Uni;

/**
 * Contact channels with Mutiny: each method is the {@code …Async} method of the same name in {@link
 * ContactChannelsApi} as a {@code Uni}, which calls Hexclave on subscription (again on each) and emits on the
 * subscriber's Vert.x context (see {@link MutinyHexclaveClient}). Same errors as the core, in the {@code Uni}'s
 * failure.
 */
public final class MutinyContactChannelsApi {

    private final ContactChannelsApi api;

    MutinyContactChannelsApi(ContactChannelsApi api) {
        this.api = api;
    }

    /** A user's contact channels, oldest first ({@code GET /contact-channels?user_id=}, not paginated). */
    public Uni<List<ContactChannel>> list(String userId) {
        return CallerContext.uni(() -> api.listAsync(userId));
    }

    /** Adds a contact channel to a user ({@code POST /contact-channels}, never retried). */
    public Uni<ContactChannel> create(CreateContactChannelRequest request) {
        return CallerContext.uni(() -> api.createAsync(request));
    }

    /** One contact channel ({@code GET /contact-channels/{user_id}/{contact_channel_id}}). */
    public Uni<ContactChannel> get(String userId, String contactChannelId) {
        return CallerContext.uni(() -> api.getAsync(userId, contactChannelId));
    }

    /** Changes the fields set in {@code request} ({@code PATCH /contact-channels/{user_id}/{contact_channel_id}}). */
    public Uni<ContactChannel> update(String userId, String contactChannelId, UpdateContactChannelRequest request) {
        return CallerContext.uni(() -> api.updateAsync(userId, contactChannelId, request));
    }

    /**
     * Removes a contact channel ({@code DELETE /contact-channels/{user_id}/{contact_channel_id}}). When a retry (after
     * a lost answer) gets Hexclave's plain-text "not found", an earlier attempt removed it: that counts as success.
     */
    public Uni<Void> delete(String userId, String contactChannelId) {
        return CallerContext.uni(() -> api.deleteAsync(userId, contactChannelId));
    }

    /**
     * Has Hexclave e-mail a verification link ({@code POST /contact-channels/{user_id}/{id}/send-verification-code}):
     * {@code callbackUrl} with the code appended, the page of your app that calls {@link #verify(Secret)}.
     * {@code EmailAlreadyVerifiedException} if the address is verified already.
     */
    public Uni<Void> sendVerificationCode(String userId, String contactChannelId, URI callbackUrl) {
        return CallerContext.uni(() -> api.sendVerificationCodeAsync(userId, contactChannelId, callbackUrl));
    }

    /**
     * Whether a verification code is valid, without using it ({@code POST /contact-channels/verify/check-code});
     * Hexclave refuses unknown, expired or used codes with a {@code VerificationCodeException}.
     */
    public Uni<Boolean> checkVerificationCode(Secret code) {
        return CallerContext.uni(() -> api.checkVerificationCodeAsync(code));
    }

    /** Verifies the contact channel the code was sent for, using the code up ({@code POST /contact-channels/verify}). */
    public Uni<Void> verify(Secret code) {
        return CallerContext.uni(() -> api.verifyAsync(code));
    }
}
