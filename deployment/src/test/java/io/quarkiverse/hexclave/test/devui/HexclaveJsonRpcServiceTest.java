package io.quarkiverse.hexclave.test.devui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.hexclave.client.HexclaveClient;
import io.quarkiverse.hexclave.client.model.CreateTeamRequest;
import io.quarkiverse.hexclave.config.HexclaveSettings;
import io.quarkiverse.hexclave.runtime.devservices.DevServicesEmulator;
import io.quarkiverse.hexclave.runtime.devui.HexclaveJsonRpcService;
import io.quarkiverse.hexclave.runtime.webhook.WebhookDeliveryLog;
import io.quarkiverse.hexclave.test.devservices.WhoAmIResource;
import io.quarkiverse.hexclave.verifier.HexclaveTokenVerifier;
import io.quarkus.test.QuarkusUnitTest;

/**
 * The Dev UI card's JSON-RPC methods, against the application's real verifier and the Dev Services emulator (the
 * web component only renders what these answer).
 */
class HexclaveJsonRpcServiceTest {

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(WhoAmIResource.class))
            .overrideConfigKey("quarkus.http.test-port", "0")
            .overrideConfigKey("quarkus.hexclave.devservices.project-permission-contains.admin", "reports_read")
            .overrideConfigKey("quarkus.hexclave.devservices.team-permissions", "docs_read")
            // the floor of the key-fetch rate limit, which "fetch keys now" obeys too
            .overrideConfigKey("quarkus.hexclave.jwks.refresh-cooldown", "1s");

    @Inject
    HexclaveSettings settings;

    @Inject
    HexclaveTokenVerifier verifier;


    @Inject
    HexclaveClient client;

    @Inject
    Instance<DevServicesEmulator> emulator;

    @Inject
    Instance<WebhookDeliveryLog> webhookDeliveries;

    HexclaveJsonRpcService service;

    @BeforeEach
    void createService() {
        service = new HexclaveJsonRpcService(settings, verifier, client, emulator, webhookDeliveries);
    }

    @Test
    void verifiedTokenShowsTheUsersPermissions() {
        Map<String, Object> minted = service.mintToken("grace@example.com", "Grace", "normal");
        String userId = (String) minted.get("userId");
        assertThat(service.verifyToken((String) minted.get("token"))).containsEntry("permissions",
                Map.of("project", List.of(), "teams", Map.of()));

        client.projectPermissions().grant(userId, "admin");
        String team = client.teams().create(CreateTeamRequest.named("Acme").build()).id();
        client.teams().addMember(team, userId);
        client.teamPermissions().grant(team, userId, "docs_read");

        assertThat(service.verifyToken((String) minted.get("token"))).containsEntry("permissions",
                Map.of("project", List.of("admin", "reports_read"), "teams",
                        // a member holds the emulator's default member permissions besides the one granted
                        Map.of(team, List.of("$invite_members", "$read_members", "docs_read", "team_member"))));
    }

    @Test
    void createsAnApiKeyForAMintedUserThatHexclaveAccepts() {
        String userId = (String) service.mintToken("keys@example.com", "Keys", "normal").get("userId");

        Map<String, Object> created = service.createApiKey(userId);

        assertThat(created).doesNotContainKey("error").containsEntry("userId", userId);
        String key = (String) created.get("apiKey");
        assertThat((String) created.get("curl")).contains("x-hexclave-api-key: " + key);
        assertThat(client.userApiKeys().check(new io.quarkiverse.hexclave.config.Secret(key)).ownerId())
                .isEqualTo(userId);
        assertThat(service.createApiKey(" ")).containsKey("error");
    }

    @Test
    void mintedNormalTokenVerifiesWithItsPrincipal() {
        Map<String, Object> minted = service.mintToken("ada@example.com", "Ada", "normal");
        assertThat(minted).doesNotContainKey("error").containsEntry("userClass", "NORMAL")
                .containsEntry("email", "ada@example.com");

        Map<String, Object> verdict = service.verifyToken("Bearer " + minted.get("token"));

        assertThat(verdict).containsEntry("accepted", true);
        assertThat(principal(verdict)).containsEntry("userId", minted.get("userId"))
                .containsEntry("displayName", "Ada").containsEntry("userClass", "NORMAL");
        assertThat(claims(verdict)).containsEntry("sub", minted.get("userId"));
    }

    @Test
    void restrictedAndAnonymousTokensAreRejectedWithTheRealCause() {
        Map<String, Object> restricted = service.mintToken("", "", "RESTRICTED");
        Map<String, Object> verdict = service.verifyToken((String) restricted.get("token"));
        assertThat(verdict).containsEntry("accepted", false).containsEntry("reason", "RESTRICTED_USER_NOT_ALLOWED")
                .containsEntry("description", "restricted users are not allowed");
        assertThat((String) verdict.get("hint")).contains("restricted user's token")
                .contains("quarkus.hexclave.allow-restricted-users");

        Map<String, Object> anonymous = service.mintToken(null, null, "anonymous");
        assertThat(anonymous).doesNotContainKey("email");
        Map<String, Object> anonymousVerdict = service.verifyToken((String) anonymous.get("token"));
        assertThat(anonymousVerdict).containsEntry("reason", "ANONYMOUS_USER_NOT_ALLOWED");
        assertThat((String) anonymousVerdict.get("hint")).contains("anonymous user's token");
    }

    @Test
    void tamperedAndMalformedTokensAreExplained() {
        String token = (String) service.mintDemoToken().get("token");
        String tampered = token.substring(0, token.length() - 4) + (token.endsWith("AAAA") ? "BBBB" : "AAAA");

        assertThat(service.verifyToken(tampered)).containsEntry("accepted", false)
                .containsEntry("reason", "BAD_SIGNATURE").containsKey("header").containsKey("claims");
        assertThat(service.verifyToken("not a token")).containsEntry("accepted", false)
                .containsEntry("reason", "MALFORMED");
        assertThat(service.verifyToken("")).containsEntry("reason", "MISSING");
    }

    @Test
    void demoTokenBelongsToTheSeededDemoUser() {
        Map<String, Object> demo = service.mintDemoToken();
        assertThat(demo).containsEntry("email", "demo@example.com")
                .containsEntry("userId", emulator.get().demoUserId());
        assertThat((String) demo.get("authorizationHeader")).startsWith("Bearer eyJ");
        assertThat(principal(service.verifyToken((String) demo.get("token"))))
                .containsEntry("email", "demo@example.com");
    }

    @Test
    void unknownUserClassIsAnErrorNotAnException() {
        assertThat(service.mintToken(null, null, "admin")).containsOnlyKeys("error");
    }

    @Test
    void effectiveConfigMasksTheSecretServerKey() {
        Map<String, Object> config = service.effectiveConfig();
        String secret = settings.secretServerKey().orElseThrow().value();

        assertThat(config).containsEntry("projectId", settings.projectId())
                .containsEntry("apiUrl", emulator.get().apiUrl())
                .containsEntry("emulator", true)
                .containsEntry("verificationMode", "jwt");
        assertThat((String) config.get("secretServerKey")).endsWith("****").doesNotContain(secret.substring(8));
        assertThat(config.toString()).doesNotContain(secret);
    }

    @Test
    void jwksStatusShowsTheCachedKeys() throws InterruptedException {
        service.verifyToken((String) service.mintDemoToken().get("token"));
        Map<String, Object> status = service.jwksStatus();
        assertThat(status).containsEntry("hasKeys", true).containsEntry("lastError", null);
        assertThat((String) status.get("uri")).startsWith(emulator.get().apiUrl()).endsWith("/.well-known/jwks.json");
        long fetches = (Long) status.get("fetches");

        Thread.sleep(1100); // past the cooldown of the last fetch: "fetch keys now" fetches
        Map<String, Object> refreshed = service.refreshKeys();

        // The Dev UI's fetch shares the one rate limit of every key fetch (core's FetchRateLimitTest): past it, it fetches
        assertThat((Long) refreshed.get("fetches")).isGreaterThan(fetches);
        assertThat((java.util.List<?>) refreshed.get("keyIds")).isNotEmpty();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> principal(Map<String, Object> verdict) {
        return (Map<String, Object>) verdict.get("principal");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> claims(Map<String, Object> verdict) {
        return (Map<String, Object>) verdict.get("claims");
    }
}
