package io.quarkiverse.hexclave.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static io.quarkiverse.hexclave.client.HexclaveStub.USER_ID;
import static io.quarkiverse.hexclave.client.HexclaveStub.json;
import static io.quarkiverse.hexclave.client.HexclaveStub.userJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkiverse.hexclave.client.error.HexclaveConnectionException;
import io.quarkiverse.hexclave.client.error.UnknownHexclaveErrorException;
import io.quarkiverse.hexclave.client.model.TeamPermissionQuery;

/** Body size limit, closing the transport, path ids, and asynchronous methods failing their stage. */
class TransportLimitsTest {

    private final HexclaveStub hexclave = new HexclaveStub();

    @AfterEach
    void stop() {
        hexclave.close();
    }

    @Test
    void responseBodyLongerThanTheLimitFailsTheCall() {
        hexclave.server.stubFor(get("/api/v1/users/" + USER_ID).willReturn(json(200, "{\"id\":\"" + "x".repeat(5000) + "\"}")));
        try (HexclaveClient client = HexclaveClient.builder(hexclave.settings().build()).retryPolicy(RetryPolicy.none())
                .transport(JdkHttpTransport.withBodyLimit(Duration.ofSeconds(2), 1024)).build()) {
            var e = catchThrowableOfType(HexclaveConnectionException.class, () -> client.users().get(USER_ID));

            assertThat(e.getMessage()).contains("response body larger than 1024 bytes");
        }
    }

    @Test
    void responseBodyWithinTheLimitIsRead() {
        hexclave.server.stubFor(get("/api/v1/users/" + USER_ID).willReturn(json(200, userJson())));
        try (HexclaveClient client = HexclaveClient.builder(hexclave.settings().build())
                .transport(JdkHttpTransport.withBodyLimit(Duration.ofSeconds(2), 64 * 1024)).build()) {
            assertThat(client.users().get(USER_ID).id()).isEqualTo(USER_ID);
        }
    }

    @Test
    void hugeErrorBodyGivesABoundedMaskedExcerpt() {
        String body = "x".repeat(2_000_000) + " \"refresh_token\":\"rt_SECRET\"";

        String excerpt = HexclaveErrors.excerpt(body);

        assertThat(excerpt).hasSizeLessThanOrEqualTo(HexclaveErrors.EXCERPT_LIMIT + 1).endsWith("…");
        assertThat(HexclaveErrors.excerpt("y".repeat(1190) + " \"refresh_token\":\"rt_SECRET_LONG_VALUE_CUT_OFF"))
                .doesNotContain("rt_SECRET");
    }

    @Test
    void closeShutsDownTheExecutorTheTransportCreated() {
        JdkHttpTransport transport = new JdkHttpTransport(Duration.ofSeconds(1));
        hexclave.server.stubFor(get("/api/v1/users/" + USER_ID).willReturn(json(200, userJson())));
        HexclaveClient client = HexclaveClient.builder(hexclave.settings().build()).transport(transport).build();
        client.users().get(USER_ID);
        assertThat(transport.ownedExecutor().isShutdown()).isFalse();

        client.close();

        assertThat(transport.ownedExecutor().isShutdown()).isTrue();
    }

    @Test
    void closeLeavesACallerSuppliedHttpClientUsable() {
        hexclave.server.stubFor(get("/api/v1/users/" + USER_ID).willReturn(json(200, userJson())));
        HttpClient http = HttpClient.newHttpClient();
        JdkHttpTransport transport = new JdkHttpTransport(http);
        assertThat(transport.ownedExecutor()).isNull();
        transport.close();

        try (HexclaveClient client = HexclaveClient.builder(hexclave.settings().build())
                .transport(new JdkHttpTransport(http)).build()) {
            assertThat(client.users().get(USER_ID).id()).isEqualTo(USER_ID);
        }
    }

    @Test
    void nullHttpClientIsRefused() {
        assertThatThrownBy(() -> new JdkHttpTransport((HttpClient) null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void dotSegmentIdsAreRefused() {
        try (HexclaveClient client = hexclave.client()) {
            for (String id : new String[] { ".", "..", " .. " }) {
                assertThatThrownBy(() -> client.users().get(id)).isInstanceOf(IllegalArgumentException.class)
                        .hasMessageContaining("'.' or '..'");
                assertThatThrownBy(() -> client.users().delete(id)).isInstanceOf(IllegalArgumentException.class);
            }
        }
        assertThat(hexclave.server.getAllServeEvents()).isEmpty();
    }

    @Test
    void asyncMethodsReportArgumentErrorsInTheirStage() {
        try (HexclaveClient client = hexclave.client()) {
            assertFailedStage(() -> client.users().getAsync(" "), IllegalArgumentException.class);
            assertFailedStage(() -> client.users().deleteAsync(".."), IllegalArgumentException.class);
            assertFailedStage(() -> client.users().updateAsync("", null), IllegalArgumentException.class);
            assertFailedStage(() -> client.users().createAsync(null), NullPointerException.class);
            assertFailedStage(() -> client.users().listAsync(null), NullPointerException.class);
            assertFailedStage(() -> client.users().meAsync(null), NullPointerException.class);
            assertFailedStage(() -> client.sessions().listAsync(null), IllegalArgumentException.class);
            assertFailedStage(() -> client.sessions().revokeAsync("s", " "), IllegalArgumentException.class);
            assertFailedStage(() -> client.sessions().revokeAsync(null, "u"), IllegalArgumentException.class);
            assertFailedStage(() -> client.sessions().refreshAsync(null), NullPointerException.class);
            assertFailedStage(() -> client.sessions().createAsync(null), NullPointerException.class);
            assertFailedStage(() -> client.cliAuth().startAsync(Optional.of(Duration.ofHours(1))), IllegalArgumentException.class);
            assertFailedStage(() -> client.cliAuth().pollAsync(null), NullPointerException.class);
            assertFailedStage(() -> client.teamPermissions().listAsync(null), NullPointerException.class);
            assertFailedStage(() -> client.teamPermissions().revokeAsync("t", "", "p"), IllegalArgumentException.class);
            assertFailedStage(() -> client.teamPermissions().grantAsync(null, "u", "p"), IllegalArgumentException.class);

            // the blocking forms throw the same exception types
            assertThatThrownBy(() -> client.users().get(" ")).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> client.sessions().list(" ")).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> client.cliAuth().start(Optional.of(Duration.ZERO))).isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(hexclave.server.getAllServeEvents()).isEmpty();
    }

    @Test
    void teamPermissionListDecodesItems() {
        hexclave.server.stubFor(get(com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo("/api/v1/team-permissions"))
                .willReturn(json(200, "{\"is_paginated\":false}")));
        try (HexclaveClient client = hexclave.client()) {
            assertThatThrownBy(() -> client.teamPermissions().list(TeamPermissionQuery.ofUser(USER_ID)))
                    .isInstanceOf(UnknownHexclaveErrorException.class);
        }
    }

    private static void assertFailedStage(Supplier<CompletionStage<?>> call, Class<? extends Throwable> type) {
        CompletionStage<?>[] stage = new CompletionStage<?>[1];
        org.assertj.core.api.Assertions.assertThatCode(() -> stage[0] = call.get()).doesNotThrowAnyException();
        CompletableFuture<?> future = stage[0].toCompletableFuture();
        assertThat(future).isCompletedExceptionally();
        assertThatThrownBy(future::join).hasCauseInstanceOf(type);
    }
}
