package io.quarkiverse.hexclave.webhook;

import java.util.Objects;

/** The outcome of {@link WebhookVerifier#verify}: an authentic delivery, or a typed refusal. */
public sealed interface WebhookVerification permits WebhookVerification.Accepted, WebhookVerification.Refused {

    /** The signature checks out and the body is a Hexclave event. */
    record Accepted(WebhookDelivery delivery) implements WebhookVerification {
        public Accepted {
            Objects.requireNonNull(delivery, "delivery");
        }
    }

    /**
     * The delivery was refused.
     *
     * @param reason why
     * @param safeDetail a short text for logs and the caller; never contains the body, a signature or the secret
     */
    record Refused(WebhookRefusal reason, String safeDetail) implements WebhookVerification {
        public Refused {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(safeDetail, "safeDetail");
        }
    }
}
