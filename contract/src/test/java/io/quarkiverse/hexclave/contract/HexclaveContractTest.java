package io.quarkiverse.hexclave.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

class HexclaveContractTest {

    private static final String USER = """
            {"id":"3241a285-8329-4d69-8f3d-316e08cf140c","primary_email":"a@example.com","primary_email_verified":true,
             "primary_email_auth_enabled":true,"display_name":"Ada","selected_team":null,"selected_team_id":null,
             "profile_image_url":null,"signed_up_at_millis":1735603200000,"client_metadata":null,
             "client_read_only_metadata":null,"server_metadata":{"k":"v"},"last_active_at_millis":1735603200000,
             "has_password":false,"otp_auth_enabled":true,"passkey_auth_enabled":false,"auth_with_email":true,
             "requires_totp_mfa":false,"oauth_providers":[],"is_anonymous":false,"is_restricted":false,
             "restricted_reason":null,"restricted_by_admin":false,"restricted_by_admin_reason":null,
             "restricted_by_admin_private_details":null,"country_code":null,
             "risk_scores":{"sign_up":{"bot":0,"free_trial_abuse":0}}}""";

    private static final Map<String, String> JSON = Map.of("Content-Type", "application/json");

    @Test
    void realServerUserResponseIsValid() {
        ContractReport report = HexclaveContract.server().validateResponse("GET", "/users/me", 200, JSON, USER);
        assertThat(report.problems()).isEmpty();
    }

    @Test
    void undocumentedResponsePropertyIsRejected() {
        String body = USER.replace("\"id\":", "\"surprise\":1,\"id\":");
        assertThat(HexclaveContract.server().validateResponse("GET", "/api/v1/users/me", 200, JSON, body).isValid())
                .isFalse();
    }

    @Test
    void missingRequiredResponsePropertyIsRejected() {
        String body = USER.replace("\"is_anonymous\":false,", "");
        assertThat(HexclaveContract.server().validateResponse("GET", "/users/me", 200, JSON, body).problems())
                .anyMatch(p -> p.contains("is_anonymous"));
    }

    @Test
    void wrongTypeOfNullableStringIsRejected() {
        String body = USER.replace("\"display_name\":\"Ada\"", "\"display_name\":5");
        assertThat(HexclaveContract.server().validateResponse("GET", "/users/me", 200, JSON, body).isValid()).isFalse();
    }

    @Test
    void unknownRequestBodyPropertyIsRejected() {
        assertThat(HexclaveContract.server().validateRequest("POST", "/users", Map.of(), JSON,
                "{\"display_name\":\"x\",\"nickname\":\"y\"}").isValid()).isFalse();
        assertThat(HexclaveContract.server().validateRequest("POST", "/users", Map.of(), JSON,
                "{\"display_name\":\"x\"}").problems()).isEmpty();
    }

    @Test
    void unknownQueryParameterIsRejected() {
        assertThat(HexclaveContract.server().validateRequest("GET", "/users", Map.of("nope", "1"), Map.of(), null)
                .isValid()).isFalse();
        assertThat(HexclaveContract.server().validateRequest("GET", "/users", Map.of("limit", "5"), Map.of(), null)
                .problems()).isEmpty();
    }

    @Test
    void hexclaveRefreshHeaderSatisfiesTheStackHeaderTheDocumentRequires() {
        assertThat(HexclaveContract.server().validateRequest("POST", "/auth/sessions/current/refresh", Map.of(),
                Map.of("x-hexclave-refresh-token", "abc"), null).problems()).isEmpty();
        assertThat(HexclaveContract.server().validateRequest("POST", "/auth/sessions/current/refresh", Map.of(),
                Map.of(), null).isValid()).isFalse();
    }

    @Test
    void knownErrorMustCarryMatchingHeaders() {
        String body = "{\"code\":\"USER_NOT_FOUND\",\"error\":\"User not found.\"}";
        assertThat(HexclaveContract.server().validateResponse("GET", "/users/x", 404,
                Map.of("content-type", "application/json; charset=utf-8", "x-hexclave-known-error", "USER_NOT_FOUND",
                        "x-stack-known-error", "USER_NOT_FOUND"),
                body).problems()).isEmpty();
        assertThat(HexclaveContract.server().validateResponse("GET", "/users/x", 404,
                Map.of("content-type", "application/json"), body).isValid()).isFalse();
    }

    @Test
    void undocumentedSuccessStatusIsRejected() {
        assertThat(HexclaveContract.server().validateResponse("GET", "/users/me", 202, JSON, USER).isValid()).isFalse();
    }

    @Test
    void assertVariantListsTheProblems() {
        assertThatThrownBy(() -> HexclaveContract.client().assertValidResponse("GET", "/users/me", 200, JSON, "{}"))
                .isInstanceOf(AssertionError.class).hasMessageContaining("client contract");
    }

    @Test
    void assertionMessagesHideTokenLikeValues() {
        String jwt = "eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJlX3NlY3JldA";
        String body = "{\"refresh_token\":\"rt_SECRET_REFRESH_123\",\"access_token\":\"" + jwt
                + "\",\"polling_code\":\"pc_SECRET_POLL_456\",\"unexpected\":\"ssk_SECRET_KEY_789\"}";

        Throwable e = org.assertj.core.api.Assertions.catchThrowable(
                () -> HexclaveContract.client().assertValidResponse("POST", "/auth/sessions/current/refresh", 200, JSON, body));

        assertThat(e).isInstanceOf(AssertionError.class).hasMessageContaining("breaks the Hexclave");
        assertThat(e.getMessage()).contains("\"refresh_token\":\"****\"").doesNotContain("rt_SECRET_REFRESH_123")
                .doesNotContain(jwt).doesNotContain("c2lnbmF0dXJlX3NlY3JldA").doesNotContain("pc_SECRET_POLL_456")
                .doesNotContain("ssk_SECRET_KEY_789");
    }

    @Test
    void responseSchemaWithoutPropertiesIsLeftAlone() throws Exception {
        var doc = (com.fasterxml.jackson.databind.node.ObjectNode) new com.fasterxml.jackson.databind.ObjectMapper().readTree(
                "{\"paths\":{\"/x\":{\"get\":{\"responses\":{\"200\":{\"content\":{\"application/json\":"
                        + "{\"schema\":{\"type\":\"string\"}}}}}}}}}");

        HexclaveContract.patchKnownGaps(doc);

        assertThat(doc.at("/paths/~1x/get/responses/200/content/application~1json/schema/type").asText()).isEqualTo("string");
    }

    @Test
    void undocumentedPathIsReportedNotSilentlyAccepted() {
        ContractReport report = HexclaveContract.server().validateResponse("GET", "/projects/p/.well-known/jwks.json", 200,
                JSON, "{\"keys\":[]}");
        assertThat(report.isValid()).isFalse();
        assertThat(report.toString()).contains("validation.request.path.missing");
    }

    @Test
    void nullableStringsAcceptStringsAndNullDespiteTheUpstreamEnumNull() {
        assertThat(HexclaveContract.server().validateResponse("GET", "/users/me", 200, JSON,
                USER.replace("\"display_name\":\"Ada\"", "\"display_name\":null")).problems()).isEmpty();
        assertThat(HexclaveContract.server().validateResponse("GET", "/users/me", 200, JSON, USER).problems()).isEmpty();
    }

    @Test
    void committedCopiesAreVerbatimAndTheirDigestsAreRecorded() throws Exception {
        String source;
        try (var in = getClass().getClassLoader().getResourceAsStream("hexclave-openapi/SOURCE.md")) {
            source = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        assertThat(source).contains("hexclave/hexclave").contains("957a2f872a6ec452991992fccc8a3da30036c4de")
                .contains("7b48f4fd42d6a323d7b24e9cc2adc53a3f53583e");
        for (String name : java.util.List.of("server", "client")) {
            try (var in = getClass().getClassLoader().getResourceAsStream("hexclave-openapi/" + name + ".json")) {
                byte[] bytes = in.readAllBytes();
                String digest = java.util.HexFormat.of()
                        .formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
                assertThat(source).as(name + ".json digest in SOURCE.md").contains(digest);
                assertThat(new com.fasterxml.jackson.databind.ObjectMapper().readTree(bytes).get("openapi").asText())
                        .startsWith("3.1");
            }
        }
    }

    @Test
    void operationsAreListedWithTheirArea() {
        assertThat(HexclaveContract.server().operations()).hasSize(103)
                .contains(new Operation("GET", "/teams/{team_id}", "Teams"), new Operation("GET", "/", "Root"),
                        new Operation("POST", "/user-api-keys/check", "API Keys"));
        assertThat(HexclaveContract.client().operations()).hasSize(77);
        assertThat(new Operation("PATCH", "/teams/{team_id}", "Teams")).hasToString("PATCH /teams/{team_id}");
    }

    @Test
    void requestPathsResolveToTheirOperationLiteralSegmentsFirst() {
        HexclaveContract server = HexclaveContract.server();
        assertThat(server.operation("GET", "/api/v1/users/me")).map(Operation::path).contains("/users/me");
        assertThat(server.operation("GET", "/users/3241a285-8329-4d69-8f3d-316e08cf140c")).map(Operation::path)
                .contains("/users/{user_id}");
        assertThat(server.operation("POST", "/team-invitations/accept")).map(Operation::path)
                .contains("/team-invitations/accept");
        assertThat(server.operation("DELETE", "/team-invitations/accept")).map(Operation::path)
                .contains("/team-invitations/{id}");
        assertThat(server.operation("GET", "/api/v1")).map(Operation::path).contains("/");
        assertThat(server.operation("PUT", "/users/me")).isEmpty();
        assertThat(server.operation("GET", "/projects/p/.well-known/jwks.json")).isEmpty();
    }

    @Test
    void proseIsDroppedButPropertiesNamedLikeKeywordsStay() throws Exception {
        var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        var doc = (com.fasterxml.jackson.databind.node.ObjectNode) mapper.readTree("""
                {"paths": {"/k": {"post": {"summary": "s", "description": "d", "x-full-url": "u", "responses": {"200": {
                  "description": "OK", "content": {"application/json": {"schema": {"type": "object", "description": "x",
                  "properties": {"description": {"type": "string", "example": "e"}}}}}}}}}}}""");

        HexclaveContract.stripProse(doc, null, null);

        assertThat(doc).isEqualTo(mapper.readTree("""
                {"paths": {"/k": {"post": {"responses": {"200": {
                  "description": "", "content": {"application/json": {"schema": {"type": "object",
                  "properties": {"description": {"type": "string"}}}}}}}}}}}"""));
    }

    @Test
    void schemasOfTheWholeDocumentAreStrict() {
        String team = "{\"id\":\"ad962777-8244-496a-b6a2-e0c6a449c79e\",\"display_name\":\"T\",\"created_at_millis\":1,"
                + "\"profile_image_url\":null,\"client_metadata\":null,\"client_read_only_metadata\":null,\"server_metadata\":null}";
        String path = "/teams/ad962777-8244-496a-b6a2-e0c6a449c79e";
        assertThat(HexclaveContract.server().validateResponse("GET", path, 200, JSON, team).problems()).isEmpty();
        assertThat(HexclaveContract.server().validateResponse("GET", path, 200, JSON,
                team.replace("\"id\":", "\"owner\":\"x\",\"id\":")).isValid()).isFalse();
        assertThat(HexclaveContract.client().validateResponse("GET", path, 200, JSON, team).isValid())
                .as("the client view has no server_metadata").isFalse();
        String key = "{\"id\":\"k\",\"description\":\"d\",\"created_at_millis\":1,\"is_public\":false,"
                + "\"value\":{\"last_four\":\"abcd\"},\"type\":\"user\",\"user_id\":\"u\"}";
        assertThat(HexclaveContract.server().validateResponse("POST", "/user-api-keys/check", 200, JSON, key).problems()).isEmpty();
        assertThat(HexclaveContract.server().validateResponse("POST", "/user-api-keys/check", 200, JSON,
                key.replace("\"type\":\"user\"", "\"type\":\"team\"")).isValid()).isFalse();
    }

    @Test
    void userObjectsNestedInOtherResponsesGetTheUndocumentedUserFieldsToo() {
        String profile = "{\"team_id\":\"t\",\"user_id\":\"u\",\"display_name\":null,\"profile_image_url\":null,\"user\":" + USER + "}";
        assertThat(HexclaveContract.server().validateResponse("GET", "/team-member-profiles/t/u", 200, JSON, profile).problems())
                .isEmpty();
    }
}
