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
    void committedCopiesAreTrimmedAndNameTheirSource() throws Exception {
        com.fasterxml.jackson.databind.ObjectMapper mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        for (String name : java.util.List.of("server", "client")) {
            try (var in = getClass().getClassLoader().getResourceAsStream("hexclave-openapi/" + name + ".json")) {
                com.fasterxml.jackson.databind.JsonNode doc = mapper.readTree(in);
                assertThat(doc.get("openapi").asText()).startsWith("3.1");
                java.util.List<String> leftovers = new java.util.ArrayList<>();
                findProse(doc, null, null, leftovers);
                assertThat(leftovers).as(name).isEmpty();
            }
        }
        try (var in = getClass().getClassLoader().getResourceAsStream("hexclave-openapi/SOURCE.md")) {
            String source = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(source).contains("hexclave/hexclave").contains("957a2f872a6ec452991992fccc8a3da30036c4de")
                    .contains("7b48f4fd42d6a323d7b24e9cc2adc53a3f53583e").contains("trim-openapi.py");
        }
    }

    /** Collects description/summary/example(s) keywords, except the required (emptied) Response Object descriptions. */
    private static void findProse(com.fasterxml.jackson.databind.JsonNode node, String parent, String grandparent,
            java.util.List<String> out) {
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> {
                boolean nameMap = parent != null && java.util.Set.of("properties", "responses", "content", "paths").contains(parent);
                if (!nameMap && java.util.Set.of("description", "summary", "example", "examples").contains(e.getKey())) {
                    boolean emptiedResponseDescription = e.getKey().equals("description") && "responses".equals(grandparent)
                            && e.getValue().asText().isEmpty();
                    if (!emptiedResponseDescription) {
                        out.add(parent + "." + e.getKey());
                    }
                }
                findProse(e.getValue(), e.getKey(), parent, out);
            });
        } else if (node.isArray()) {
            node.forEach(n -> findProse(n, null, null, out));
        }
    }
}
