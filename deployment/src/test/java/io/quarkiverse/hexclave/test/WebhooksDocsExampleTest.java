package io.quarkiverse.hexclave.test;

import static io.quarkiverse.hexclave.test.WebhookDeliveries.SECRET;
import static io.quarkiverse.hexclave.test.WebhookDeliveries.post;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.hexclave.docs.webhooks.LocalUsers;
import io.quarkus.test.QuarkusUnitTest;

/** The sync example of the webhooks page (docs/modules/ROOT/examples/quarkus) keeps its table in step. */
class WebhooksDocsExampleTest {

    @RegisterExtension
    static final QuarkusUnitTest app = HexclaveTestApp.create("webhook", LocalUsers.class, LocalUsers.LocalUser.class,
            WebhookDeliveries.class);

    @Inject
    LocalUsers users;

    @Test
    void createdUpdatedAndDeletedUsersAreMirrored() {
        post("/hexclave/webhook", SECRET, "msg_doc1", "{\"type\":\"user.created\",\"data\":{\"id\":\"u-9\","
                + "\"primary_email\":\"ada@example.com\",\"display_name\":\"Ada\"}}").then().statusCode(204);
        assertThat(users.find("u-9")).contains(new LocalUsers.LocalUser("u-9", "ada@example.com", "Ada"));
        post("/hexclave/webhook", SECRET, "msg_doc2", "{\"type\":\"user.updated\",\"data\":{\"id\":\"u-9\","
                + "\"primary_email\":\"ada@lovelace.org\",\"display_name\":\"Ada L.\"}}").then().statusCode(204);
        assertThat(users.find("u-9")).contains(new LocalUsers.LocalUser("u-9", "ada@lovelace.org", "Ada L."));
        post("/hexclave/webhook", SECRET, "msg_doc3", "{\"type\":\"user.deleted\",\"data\":{\"id\":\"u-9\","
                + "\"teams\":[]}}").then().statusCode(204);
        assertThat(users.find("u-9")).isEmpty();
    }
}
