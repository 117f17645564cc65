package io.quarkiverse.hexclave.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static io.quarkiverse.hexclave.client.HexclaveStub.TEAM_ID;
import static io.quarkiverse.hexclave.client.HexclaveStub.USER_ID;
import static io.quarkiverse.hexclave.client.HexclaveStub.json;
import static io.quarkiverse.hexclave.client.HexclaveStub.knownError;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.MappingBuilder;

import io.quarkiverse.hexclave.client.error.RefreshTokenNotFoundOrExpiredException;
import io.quarkiverse.hexclave.client.error.UnknownHexclaveErrorException;
import io.quarkiverse.hexclave.client.error.UserNotFoundException;
import io.quarkiverse.hexclave.config.Secret;

/**
 * A {@code DELETE} whose first attempt worked but whose answer was lost (read timeout) is retried; the retry finds
 * the resource gone. That is reported as success, not as "not found". On the first attempt "not found" stays an error.
 */
class RetriedDeleteTest {

    private static final String SESSION_ID = "5d0c1b9e-6a51-4f0c-9a0e-3c2b1a4d5e6f";

    private final HexclaveStub hexclave = new HexclaveStub();
    private final HexclaveClient client = hexclave.client(hexclave.settings().readTimeout(Duration.ofMillis(300)).build());

    @AfterEach
    void stop() {
        client.close();
        hexclave.close();
    }

    /** The first DELETE is processed but answered too late; later ones answer {@code gone}. */
    private void lostAnswerThenGone(MappingBuilder first, MappingBuilder later, ResponseDefinitionBuilder gone) {
        hexclave.server.stubFor(first.inScenario("lost").whenScenarioStateIs(STARTED)
                .willReturn(json(200, "{\"success\":true}").withFixedDelay(2000)).willSetStateTo("gone"));
        hexclave.server.stubFor(later.inScenario("lost").whenScenarioStateIs("gone").willReturn(gone));
    }

    @Test
    void userDeleteRetriedAfterLostAnswerSucceedsOnUserNotFound() {
        String path = "/api/v1/users/" + USER_ID;
        lostAnswerThenGone(delete(path), delete(path), knownError(404, "USER_NOT_FOUND"));

        assertThatCode(() -> client.users().delete(USER_ID)).doesNotThrowAnyException();

        hexclave.server.verify(2, deleteRequestedFor(urlEqualTo(path)));
    }

    @Test
    void userDeleteOfAnUnknownUserStillFailsOnTheFirstAttempt() {
        hexclave.server.stubFor(delete("/api/v1/users/" + USER_ID).willReturn(knownError(404, "USER_NOT_FOUND")));

        assertThatThrownBy(() -> client.users().delete(USER_ID)).isInstanceOf(UserNotFoundException.class);
    }

    @Test
    void sessionRevokeRetriedAfterLostAnswerSucceedsOnSessionNotFound() {
        String path = "/api/v1/auth/sessions/" + SESSION_ID;
        lostAnswerThenGone(delete(urlPathEqualTo(path)), delete(urlPathEqualTo(path)),
                aResponse().withStatus(404).withHeader("content-type", "text/plain").withBody("Session not found."));

        assertThatCode(() -> client.sessions().revoke(SESSION_ID, USER_ID)).doesNotThrowAnyException();

        hexclave.server.verify(2, deleteRequestedFor(urlPathEqualTo(path)));
    }

    @Test
    void sessionRevokeOfAnUnknownSessionStillFailsOnTheFirstAttempt() {
        hexclave.server.stubFor(delete(urlPathEqualTo("/api/v1/auth/sessions/" + SESSION_ID))
                .willReturn(aResponse().withStatus(404).withBody("Session not found.")));

        assertThatThrownBy(() -> client.sessions().revoke(SESSION_ID, USER_ID))
                .isInstanceOf(UnknownHexclaveErrorException.class);
    }

    @Test
    void signOutRetriedAfterLostAnswerSucceedsWhenTheSessionIsGone() {
        String path = "/api/v1/auth/sessions/current";
        lostAnswerThenGone(delete(path), delete(path), knownError(401, "REFRESH_TOKEN_NOT_FOUND_OR_EXPIRED"));

        assertThatCode(() -> client.sessions().signOut(new Secret(HexclaveStub.accessToken()))).doesNotThrowAnyException();

        hexclave.server.verify(2, deleteRequestedFor(urlEqualTo(path)));
    }

    @Test
    void signOutOfAGoneSessionStillFailsOnTheFirstAttempt() {
        hexclave.server.stubFor(delete("/api/v1/auth/sessions/current")
                .willReturn(knownError(401, "REFRESH_TOKEN_NOT_FOUND_OR_EXPIRED")));

        assertThatThrownBy(() -> client.sessions().signOut(new Secret(HexclaveStub.accessToken())))
                .isInstanceOf(RefreshTokenNotFoundOrExpiredException.class);
    }

    @Test
    void teamPermissionRevokeRetriedAfterLostAnswerSucceedsOn404() {
        String path = "/api/v1/team-permissions/" + TEAM_ID + "/" + USER_ID + "/team_admin";
        lostAnswerThenGone(delete(path), delete(path), knownError(404, "PERMISSION_NOT_FOUND"));

        assertThatCode(() -> client.teamPermissions().revoke(TEAM_ID, USER_ID, "team_admin")).doesNotThrowAnyException();

        hexclave.server.verify(2, deleteRequestedFor(urlEqualTo(path)));
    }

    /** Each newer DELETE with the "already gone" answer its retry accepts. */
    static java.util.stream.Stream<org.junit.jupiter.params.provider.Arguments> goneAnswers() {
        String channel = "5d0c1b9e-6a51-4f0c-9a0e-3c2b1a4d5e70";
        return java.util.stream.Stream.of(
                org.junit.jupiter.params.provider.Arguments.of("/api/v1/teams/" + TEAM_ID, knownError(404, "TEAM_NOT_FOUND"),
                        (java.util.function.Consumer<HexclaveClient>) c -> c.teams().delete(TEAM_ID)),
                org.junit.jupiter.params.provider.Arguments.of("/api/v1/team-memberships/" + TEAM_ID + "/" + USER_ID,
                        knownError(404, "TEAM_MEMBERSHIP_NOT_FOUND"),
                        (java.util.function.Consumer<HexclaveClient>) c -> c.teams().removeMember(TEAM_ID, USER_ID)),
                org.junit.jupiter.params.provider.Arguments.of("/api/v1/project-permissions/" + USER_ID + "/admin",
                        knownError(404, "PERMISSION_NOT_FOUND"),
                        (java.util.function.Consumer<HexclaveClient>) c -> c.projectPermissions().revoke(USER_ID, "admin")),
                org.junit.jupiter.params.provider.Arguments.of("/api/v1/team-permissions/" + TEAM_ID + "/" + USER_ID + "/editor",
                        knownError(401, "TEAM_PERMISSION_NOT_FOUND"),
                        (java.util.function.Consumer<HexclaveClient>) c -> c.teamPermissions().revoke(TEAM_ID, USER_ID, "editor")),
                org.junit.jupiter.params.provider.Arguments.of("/api/v1/contact-channels/" + USER_ID + "/" + channel,
                        aResponse().withStatus(400).withHeader("content-type", "text/plain").withBody("Contact channel not found"),
                        (java.util.function.Consumer<HexclaveClient>) c -> c.contactChannels().delete(USER_ID, channel)),
                org.junit.jupiter.params.provider.Arguments.of("/api/v1/oauth-providers/" + USER_ID + "/" + channel,
                        aResponse().withStatus(404).withHeader("content-type", "text/plain").withBody("OAuth provider not found"),
                        (java.util.function.Consumer<HexclaveClient>) c -> c.oauthProviders().unlink(USER_ID, channel)));
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.MethodSource("goneAnswers")
    void newerDeletesRetriedAfterLostAnswerSucceedWhenAlreadyGone(String path, ResponseDefinitionBuilder gone,
            java.util.function.Consumer<HexclaveClient> call) {
        lostAnswerThenGone(delete(path), delete(path), gone);

        assertThatCode(() -> call.accept(client)).doesNotThrowAnyException();

        hexclave.server.verify(2, deleteRequestedFor(urlEqualTo(path)));
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.MethodSource("goneAnswers")
    void newerDeletesOfMissingThingsStillFailOnTheFirstAttempt(String path, ResponseDefinitionBuilder gone,
            java.util.function.Consumer<HexclaveClient> call) {
        hexclave.server.stubFor(delete(path).willReturn(gone));

        assertThatThrownBy(() -> call.accept(client)).isInstanceOf(io.quarkiverse.hexclave.client.error.HexclaveApiException.class);
        hexclave.server.verify(1, deleteRequestedFor(urlEqualTo(path)));
    }
}
