package io.quarkiverse.hexclave.client;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.quarkiverse.hexclave.client.HexclaveStub.PROJECT_ID;
import static io.quarkiverse.hexclave.client.HexclaveStub.PUBLISHABLE_KEY;
import static io.quarkiverse.hexclave.client.HexclaveStub.SECRET_SERVER_KEY;
import static io.quarkiverse.hexclave.client.HexclaveStub.TEAM_ID;
import static io.quarkiverse.hexclave.client.HexclaveStub.USER_ID;
import static io.quarkiverse.hexclave.client.HexclaveStub.json;
import static io.quarkiverse.hexclave.client.HexclaveStub.userJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;

import io.quarkiverse.hexclave.client.error.UserNotFoundException;
import io.quarkiverse.hexclave.client.model.CreateUserRequest;
import io.quarkiverse.hexclave.client.model.ListUsersQuery;
import io.quarkiverse.hexclave.client.model.UpdateUserRequest;
import io.quarkiverse.hexclave.client.model.User;
import io.quarkiverse.hexclave.client.model.UserPage;
import io.quarkiverse.hexclave.config.HexclaveConfigException;
import io.quarkiverse.hexclave.config.Secret;

class UsersApiTest {

    private final HexclaveStub hexclave = new HexclaveStub();
    private final HexclaveClient client = hexclave.client();

    @AfterEach
    void stop() {
        client.close();
        hexclave.close();
    }

    static RequestPatternBuilder serverHeaders(RequestPatternBuilder r) {
        return r.withHeader("x-hexclave-project-id", equalTo(PROJECT_ID))
                .withHeader("x-hexclave-access-type", equalTo("server"))
                .withHeader("x-hexclave-secret-server-key", equalTo(SECRET_SERVER_KEY))
                .withHeader("x-hexclave-client-version", com.github.tomakehurst.wiremock.client.WireMock.matching("java @hexclave/java@[0-9.]+"))
                .withHeader("x-hexclave-override-error-status", absent())
                .withHeader("x-stack-override-error-status", absent())
                .withHeader("x-hexclave-access-token", absent());
    }

    @Test
    void getReadsTheFullServerViewAndIgnoresUnknownFields() {
        hexclave.server.stubFor(get("/api/v1/users/" + USER_ID).willReturn(json(200, userJson())));

        User user = client.users().get(USER_ID);

        assertThat(user.id()).isEqualTo(USER_ID);
        assertThat(user.displayName()).isEqualTo("Ada");
        assertThat(user.primaryEmail()).isEqualTo("ada@example.com");
        assertThat(user.primaryEmailVerified()).isTrue();
        assertThat(user.primaryEmailAuthEnabled()).isTrue();
        assertThat(user.otpAuthEnabled()).isTrue();
        assertThat(user.authWithEmail()).isTrue();
        assertThat(user.signedUpAt()).contains(Instant.ofEpochMilli(1735603100000L));
        assertThat(user.lastActiveAt()).contains(Instant.ofEpochMilli(1735603200000L));
        assertThat(user.clientMetadata().path("theme").asText()).isEqualTo("dark");
        assertThat(user.clientReadOnlyMetadata().isNull()).isTrue();
        assertThat(user.serverMetadata().isNull()).isTrue();
        assertThat(user.oauthProviders()).containsExactly(new User.OAuthProvider("google", "g-123", null));
        assertThat(user.selectedTeamId()).isEqualTo(TEAM_ID);
        assertThat(user.selectedTeam().displayName()).isEqualTo("Ada's Team");
        assertThat(user.selectedTeam().createdAtMillis()).isEqualTo(1735603200000L);
        assertThat(user.selectedTeam().serverMetadata().path("plan").asText()).isEqualTo("pro");
        assertThat(user.restrictedReason()).isNull();
        assertThat(user.countryCode()).isEqualTo("CH");
        assertThat(user.riskScores().signUp().bot()).isEqualTo(3);
        assertThat(user.riskScores().signUp().freeTrialAbuse()).isEqualTo(7);
        assertThat(user.displayNameOrEmail()).isEqualTo("Ada");
        assertThat(user.toString()).isEqualTo("User[id=" + USER_ID + "]");
        hexclave.server.verify(serverHeaders(getRequestedFor(urlEqualTo("/api/v1/users/" + USER_ID))));
    }

    @Test
    void getOfAMissingUserThrowsUserNotFound() {
        hexclave.server.stubFor(get("/api/v1/users/" + USER_ID).willReturn(HexclaveStub.knownError(404, "USER_NOT_FOUND")));

        assertThatThrownBy(() -> client.users().get(USER_ID)).isInstanceOf(UserNotFoundException.class)
                .hasMessageContaining("USER_NOT_FOUND").hasMessageContaining("404").hasMessageContaining("req-404");
    }

    @Test
    void idsAreEncodedAsOnePathSegment() {
        hexclave.server.stubFor(get(urlEqualTo("/api/v1/users/..%2Fteams%3Fx%3D1")).willReturn(json(200, userJson())));

        try (HexclaveClient unchecked = hexclave.uncheckedClient()) {
            assertThat(unchecked.users().get("../teams?x=1").id()).isEqualTo(USER_ID);
            assertThatThrownBy(() -> unchecked.users().get(" ")).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void listSendsEveryQueryParameterThatWasSetAndNothingElse() {
        hexclave.server.stubFor(get(urlPathEqualTo("/api/v1/users"))
                .willReturn(json(200, "{\"items\":[" + userJson() + "],\"is_paginated\":true,\"pagination\":{\"next_cursor\":\"" + USER_ID + "\"}}")));
        ListUsersQuery query = ListUsersQuery.builder().limit(10).cursor("b3d396b8-c574-4c80-97b3-50031675ceb2")
                .orderBy(ListUsersQuery.OrderBy.LAST_ACTIVE_AT).desc(true).query("ada").teamId(TEAM_ID)
                .excludedEmailDomains(List.of("gmail.com", "@example.org")).includeRestricted(true).includeAnonymous(true)
                .onlyAnonymous(false).build();

        UserPage page = client.users().list(query);

        assertThat(page.items()).extracting(User::id).containsExactly(USER_ID);
        assertThat(page.nextCursor()).contains(USER_ID);
        assertThat(page.hasNext()).isTrue();
        var requests = hexclave.server.findAll(getRequestedFor(urlPathEqualTo("/api/v1/users")));
        assertThat(requests).hasSize(1);
        Map<String, String> sent = requests.get(0).getQueryParams().entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().firstValue()));
        assertThat(sent).containsExactlyInAnyOrderEntriesOf(Map.of("limit", "10", "cursor",
                "b3d396b8-c574-4c80-97b3-50031675ceb2", "order_by", "last_active_at", "desc", "true", "query", "ada",
                "team_id", TEAM_ID, "excluded_email_domains", "gmail.com,@example.org", "include_restricted", "true",
                "include_anonymous", "true", "only_anonymous", "false"));
        hexclave.server.verify(serverHeaders(getRequestedFor(urlPathEqualTo("/api/v1/users"))));
    }

    @Test
    void listWithoutParametersSendsNoQueryAndReadsANullCursorAsLastPage() {
        hexclave.server.stubFor(get(urlEqualTo("/api/v1/users"))
                .willReturn(json(200, "{\"items\":[],\"is_paginated\":true,\"pagination\":{\"next_cursor\":null}}")));

        UserPage page = client.users().list(ListUsersQuery.all());

        assertThat(page.items()).isEmpty();
        assertThat(page.nextCursor()).isEmpty();
    }

    @Test
    void listQueryRejectsContradictionsBeforeSending() {
        assertThatThrownBy(() -> ListUsersQuery.builder().onlyAnonymous(true).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("includeAnonymous");
        assertThatThrownBy(() -> ListUsersQuery.builder().limit(1001)).isInstanceOf(IllegalArgumentException.class);
    }

    private static String ids(int from, int to) {
        return Stream.iterate(from, i -> i + 1).limit(to - from + 1)
                .map(i -> userJson(String.format("00000000-0000-4000-8000-%012d", i), "U" + i))
                .collect(Collectors.joining(","));
    }

    private static MappingBuilder page(String cursor) {
        var b = get(urlPathEqualTo("/api/v1/users")).withQueryParam("limit", equalTo("2"));
        return cursor == null ? b.withQueryParam("cursor", absent()) : b.withQueryParam("cursor", equalTo(cursor));
    }

    @Test
    void listAllFetchesEachPageOnlyWhenTheStreamReachesIt() {
        String c1 = "00000000-0000-4000-8000-000000000002";
        String c2 = "00000000-0000-4000-8000-000000000004";
        hexclave.server.stubFor(page(null).willReturn(json(200,
                "{\"items\":[" + ids(1, 2) + "],\"is_paginated\":true,\"pagination\":{\"next_cursor\":\"" + c1 + "\"}}")));
        hexclave.server.stubFor(page(c1).willReturn(json(200,
                "{\"items\":[" + ids(3, 4) + "],\"is_paginated\":true,\"pagination\":{\"next_cursor\":\"" + c2 + "\"}}")));
        hexclave.server.stubFor(page(c2).willReturn(json(200,
                "{\"items\":[" + ids(5, 5) + "],\"is_paginated\":true,\"pagination\":{\"next_cursor\":null}}")));

        Stream<User> all = client.users().listAll(ListUsersQuery.builder().limit(2).build());
        assertThat(hexclave.server.getAllServeEvents()).as("nothing fetched before the stream is used").isEmpty();

        Iterator<User> it = all.iterator();
        assertThat(it.next().displayName()).isEqualTo("U1");
        assertThat(it.next().displayName()).isEqualTo("U2");
        assertThat(hexclave.server.getAllServeEvents()).hasSize(1);
        assertThat(it.next().displayName()).isEqualTo("U3");
        assertThat(hexclave.server.getAllServeEvents()).hasSize(2);

        List<String> rest = Stream.generate(() -> null).takeWhile(x -> it.hasNext()).map(x -> it.next().displayName()).toList();
        assertThat(rest).containsExactly("U4", "U5");
        assertThat(hexclave.server.getAllServeEvents()).hasSize(3);
    }

    @Test
    void listAllStopsEarlyWhenTheConsumerDoes() {
        hexclave.server.stubFor(page(null).willReturn(json(200,
                "{\"items\":[" + ids(1, 2) + "],\"is_paginated\":true,\"pagination\":{\"next_cursor\":\"x\"}}")));

        List<User> first = client.users().listAll(ListUsersQuery.builder().limit(2).build()).limit(2).toList();

        assertThat(first).hasSize(2);
        assertThat(hexclave.server.getAllServeEvents()).hasSize(1);
    }

    @Test
    void listAllUsesDefaultPageSizeWhenTheQueryHasNoLimit() {
        hexclave.server.stubFor(get(urlPathEqualTo("/api/v1/users")).withQueryParam("limit", equalTo("100"))
                .willReturn(json(200, "{\"items\":[" + ids(1, 1) + "],\"is_paginated\":true,\"pagination\":{\"next_cursor\":null}}")));

        assertThat(client.users().listAll(ListUsersQuery.all()).count()).isEqualTo(1);
    }

    @Test
    void createSendsOnlyTheFieldsThatWereSetWithExplicitNulls() {
        hexclave.server.stubFor(post("/api/v1/users").willReturn(json(201, userJson())));

        User created = client.users().create(CreateUserRequest.builder().primaryEmail("ada@example.com")
                .primaryEmailVerified(true).displayName(null).serverMetadata(Map.of("tier", "gold"))
                .password("correct horse").oauthProviders(List.of(new User.OAuthProvider("google", "g-123", null))).build());

        assertThat(created.id()).isEqualTo(USER_ID);
        hexclave.server.verify(serverHeaders(postRequestedFor(urlEqualTo("/api/v1/users")))
                .withHeader("content-type", equalTo("application/json"))
                .withRequestBody(equalToJson("""
                        {"primary_email":"ada@example.com","primary_email_verified":true,"display_name":null,
                         "server_metadata":{"tier":"gold"},"password":"correct horse",
                         "oauth_providers":[{"id":"google","account_id":"g-123","email":null}]}""")));
    }

    @Test
    void emptyCreateSendsAnEmptyObject() {
        hexclave.server.stubFor(post("/api/v1/users").willReturn(json(201, userJson())));

        client.users().create(CreateUserRequest.empty());

        hexclave.server.verify(postRequestedFor(urlEqualTo("/api/v1/users")).withRequestBody(equalToJson("{}")));
    }

    @Test
    void requestBuildersPrintFieldNamesButNeverValues() {
        CreateUserRequest create = CreateUserRequest.builder().password("hunter2-secret").build();
        UpdateUserRequest update = UpdateUserRequest.builder().password("hunter2-secret").build();

        assertThat(create.toString()).contains("password").doesNotContain("hunter2");
        assertThat(update.toString()).contains("password").doesNotContain("hunter2");
    }

    @Test
    void passwordAndPasswordHashAreMutuallyExclusive() {
        UpdateUserRequest r = UpdateUserRequest.builder().password("x").passwordHash("$2a$10$abc").build();

        assertThat(r.fields()).containsOnlyKeys("password_hash");
    }

    @Test
    void updateSendsSetFieldsAndClearsExplicitNulls() {
        hexclave.server.stubFor(patch(urlEqualTo("/api/v1/users/" + USER_ID)).willReturn(json(200, userJson())));

        client.users().update(USER_ID, UpdateUserRequest.builder().displayName("Ada L.").serverMetadata(null)
                .selectedTeamId(TEAM_ID).build());

        hexclave.server.verify(serverHeaders(patchRequestedFor(urlEqualTo("/api/v1/users/" + USER_ID)))
                .withRequestBody(equalToJson("{\"display_name\":\"Ada L.\",\"server_metadata\":null,\"selected_team_id\":\"" + TEAM_ID + "\"}")));
    }

    @Test
    void emptyUpdateIsRefusedBeforeSending() {
        assertThatThrownBy(() -> UpdateUserRequest.builder().build()).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void deleteSendsDelete() {
        hexclave.server.stubFor(delete("/api/v1/users/" + USER_ID).willReturn(json(200, "{\"success\":true}")));

        client.users().delete(USER_ID);

        hexclave.server.verify(serverHeaders(deleteRequestedFor(urlEqualTo("/api/v1/users/" + USER_ID))));
    }

    @Test
    void meActsOnBehalfOfTheUserWithServerAccess() {
        String token = HexclaveStub.accessToken();
        hexclave.server.stubFor(get("/api/v1/users/me").willReturn(json(200, userJson())));

        User me = client.users().me(new Secret(token));

        assertThat(me.id()).isEqualTo(USER_ID);
        hexclave.server.verify(getRequestedFor(urlEqualTo("/api/v1/users/me"))
                .withHeader("x-hexclave-access-type", equalTo("server"))
                .withHeader("x-hexclave-secret-server-key", equalTo(SECRET_SERVER_KEY))
                .withHeader("x-hexclave-access-token", equalTo(token))
                .withHeader("x-hexclave-allow-restricted-user", absent())
                .withHeader("x-hexclave-allow-anonymous-user", absent()));
    }

    @Test
    void meSendsTheAllowHeadersTheSettingsAllow() {
        String token = HexclaveStub.accessToken();
        hexclave.server.stubFor(get("/api/v1/users/me").willReturn(json(200, userJson())));
        try (HexclaveClient lenient = hexclave.client(hexclave.settings().allowAnonymousUsers(true).build())) {
            lenient.users().me(new Secret(token));
        }
        hexclave.server.verify(getRequestedFor(urlEqualTo("/api/v1/users/me"))
                .withHeader("x-hexclave-allow-restricted-user", equalTo("true"))
                .withHeader("x-hexclave-allow-anonymous-user", equalTo("true")));
    }

    @Test
    void meUsesClientAccessWithThePublishableKeyWhenNoSecretKeyIsConfigured() {
        String token = HexclaveStub.accessToken();
        hexclave.server.stubFor(get("/api/v1/users/me").willReturn(json(200, """
                {"id":"%s","display_name":null,"primary_email":"ada@example.com","primary_email_verified":true,
                 "client_metadata":null,"client_read_only_metadata":null,"profile_image_url":null,"signed_up_at_millis":1,
                 "has_password":false,"auth_with_email":true,"oauth_providers":[],"selected_team_id":null,"selected_team":null,
                 "requires_totp_mfa":false,"otp_auth_enabled":true,"passkey_auth_enabled":false,"is_anonymous":false,
                 "is_restricted":false,"restricted_reason":null,"restricted_by_admin":false,"restricted_by_admin_reason":null}
                """.formatted(USER_ID))));
        var settings = io.quarkiverse.hexclave.config.HexclaveSettings.builder(PROJECT_ID).apiUrl(hexclave.apiUrl())
                .publishableClientKey(PUBLISHABLE_KEY).build();

        try (HexclaveClient cli = hexclave.client(settings)) {
            User me = cli.users().me(new Secret(token));
            assertThat(me.displayNameOrEmail()).isEqualTo("ada@example.com");
            assertThat(me.lastActiveAtMillis()).isNull();
            assertThat(me.serverMetadata().isNull()).isTrue();
        }
        hexclave.server.verify(getRequestedFor(urlEqualTo("/api/v1/users/me"))
                .withHeader("x-hexclave-access-type", equalTo("client"))
                .withHeader("x-hexclave-publishable-client-key", equalTo(PUBLISHABLE_KEY))
                .withHeader("x-hexclave-secret-server-key", absent())
                .withHeader("x-hexclave-access-token", equalTo(token)));
    }

    @Test
    void updateMeAndDeleteMeCarryTheAccessToken() {
        String token = HexclaveStub.accessToken();
        hexclave.server.stubFor(patch(urlEqualTo("/api/v1/users/me")).willReturn(json(200, userJson())));
        hexclave.server.stubFor(delete("/api/v1/users/me").willReturn(json(200, "{\"success\":true}")));

        client.users().updateMe(new Secret(token), UpdateUserRequest.builder().clientMetadata(null).build());
        client.users().deleteMe(new Secret(token));

        hexclave.server.verify(patchRequestedFor(urlEqualTo("/api/v1/users/me"))
                .withHeader("x-hexclave-access-token", equalTo(token)).withRequestBody(equalToJson("{\"client_metadata\":null}")));
        hexclave.server.verify(deleteRequestedFor(urlEqualTo("/api/v1/users/me"))
                .withHeader("x-hexclave-access-token", equalTo(token)));
    }

    @Test
    void serverCallWithoutSecretKeyFailsNamingTheSettingAndSendsNothing() {
        var settings = io.quarkiverse.hexclave.config.HexclaveSettings.builder(PROJECT_ID).apiUrl(hexclave.apiUrl()).build();
        try (HexclaveClient noKey = hexclave.client(settings)) {
            assertThatThrownBy(() -> noKey.users().get(USER_ID)).isInstanceOf(HexclaveConfigException.class)
                    .hasMessageContaining("hexclave.secret-server-key").hasMessageContaining("HEXCLAVE_SECRET_SERVER_KEY");
            assertThat(noKey.users().getAsync(USER_ID).toCompletableFuture())
                    .failsWithin(Duration.ofSeconds(5)).withThrowableOfType(java.util.concurrent.ExecutionException.class)
                    .withCauseInstanceOf(HexclaveConfigException.class);
        }
        assertThat(hexclave.server.getAllServeEvents()).isEmpty();
    }

    @Test
    void asyncVariantCompletesWithTheSameResultAsTheBlockingOne() {
        hexclave.server.stubFor(get("/api/v1/users/" + USER_ID).willReturn(json(200, userJson())));

        assertThat(client.users().getAsync(USER_ID).toCompletableFuture()).succeedsWithin(Duration.ofSeconds(5))
                .extracting(User::id).isEqualTo(USER_ID);
    }

    @Test
    void asyncVariantFailsWithTheTypedException() {
        hexclave.server.stubFor(get("/api/v1/users/" + USER_ID).willReturn(HexclaveStub.knownError(404, "USER_NOT_FOUND")));

        assertThat(client.users().getAsync(USER_ID).toCompletableFuture()).failsWithin(Duration.ofSeconds(5))
                .withThrowableOfType(java.util.concurrent.ExecutionException.class)
                .withCauseInstanceOf(UserNotFoundException.class);
    }
}
