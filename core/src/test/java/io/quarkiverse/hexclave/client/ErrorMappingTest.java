package io.quarkiverse.hexclave.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static io.quarkiverse.hexclave.client.HexclaveStub.USER_ID;
import static io.quarkiverse.hexclave.client.HexclaveStub.knownError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.quarkiverse.hexclave.client.error.AccessTokenExpiredException;
import io.quarkiverse.hexclave.client.error.AnonymousAuthenticationNotAllowedException;
import io.quarkiverse.hexclave.client.error.CannotDeleteCurrentSessionException;
import io.quarkiverse.hexclave.client.error.CannotGetOwnUserWithoutUserException;
import io.quarkiverse.hexclave.client.error.HexclaveApiException;
import io.quarkiverse.hexclave.client.error.InvalidAccessTokenException;
import io.quarkiverse.hexclave.client.error.InvalidPollingCodeException;
import io.quarkiverse.hexclave.client.error.InvalidProjectForAccessTokenException;
import io.quarkiverse.hexclave.client.error.InvalidPublishableClientKeyException;
import io.quarkiverse.hexclave.client.error.InvalidSecretServerKeyException;
import io.quarkiverse.hexclave.client.error.PermissionNotFoundException;
import io.quarkiverse.hexclave.client.error.ProjectAuthenticationException;
import io.quarkiverse.hexclave.client.error.RefreshTokenException;
import io.quarkiverse.hexclave.client.error.RefreshTokenNotFoundOrExpiredException;
import io.quarkiverse.hexclave.client.error.RestrictedUserNotAllowedException;
import io.quarkiverse.hexclave.client.error.SchemaErrorException;
import io.quarkiverse.hexclave.client.error.TeamMembershipNotFoundException;
import io.quarkiverse.hexclave.client.error.TeamNotFoundException;
import io.quarkiverse.hexclave.client.error.UnknownHexclaveErrorException;
import io.quarkiverse.hexclave.client.error.UnparsableAccessTokenException;
import io.quarkiverse.hexclave.client.error.UserEmailAlreadyExistsException;
import io.quarkiverse.hexclave.client.error.UserIdDoesNotExistException;
import io.quarkiverse.hexclave.client.error.UserNotFoundException;

class ErrorMappingTest {

    private final HexclaveStub hexclave = new HexclaveStub();
    private final HexclaveClient client = hexclave.client(hexclave.settings().maxRetries(0).build());

    @AfterEach
    void stop() {
        client.close();
        hexclave.close();
    }

    static Stream<Arguments> knownCodes() {
        return Stream.of(
                Arguments.of("USER_NOT_FOUND", 404, UserNotFoundException.class, HexclaveApiException.class),
                Arguments.of("ACCESS_TOKEN_EXPIRED", 401, AccessTokenExpiredException.class, InvalidAccessTokenException.class),
                Arguments.of("UNPARSABLE_ACCESS_TOKEN", 401, UnparsableAccessTokenException.class, InvalidAccessTokenException.class),
                Arguments.of("INVALID_PROJECT_FOR_ACCESS_TOKEN", 401, InvalidProjectForAccessTokenException.class, InvalidAccessTokenException.class),
                Arguments.of("REFRESH_TOKEN_NOT_FOUND_OR_EXPIRED", 401, RefreshTokenNotFoundOrExpiredException.class, RefreshTokenException.class),
                Arguments.of("CANNOT_DELETE_CURRENT_SESSION", 400, CannotDeleteCurrentSessionException.class, RefreshTokenException.class),
                Arguments.of("PROVIDER_REJECTED", 401, RefreshTokenException.class, HexclaveApiException.class),
                Arguments.of("SCHEMA_ERROR", 400, SchemaErrorException.class, HexclaveApiException.class),
                Arguments.of("INVALID_SECRET_SERVER_KEY", 401, InvalidSecretServerKeyException.class, ProjectAuthenticationException.class),
                Arguments.of("INVALID_PUBLISHABLE_CLIENT_KEY", 401, InvalidPublishableClientKeyException.class, ProjectAuthenticationException.class),
                Arguments.of("PUBLISHABLE_CLIENT_KEY_REQUIRED_FOR_PROJECT", 401, InvalidPublishableClientKeyException.class, ProjectAuthenticationException.class),
                Arguments.of("SERVER_AUTHENTICATION_REQUIRED", 401, ProjectAuthenticationException.class, HexclaveApiException.class),
                Arguments.of("INSUFFICIENT_ACCESS_TYPE", 401, ProjectAuthenticationException.class, HexclaveApiException.class),
                Arguments.of("ACCESS_TYPE_REQUIRED", 400, ProjectAuthenticationException.class, HexclaveApiException.class),
                Arguments.of("CURRENT_PROJECT_NOT_FOUND", 400, ProjectAuthenticationException.class, HexclaveApiException.class),
                Arguments.of("RESTRICTED_USER_NOT_ALLOWED", 403, RestrictedUserNotAllowedException.class, HexclaveApiException.class),
                Arguments.of("ANONYMOUS_AUTHENTICATION_NOT_ALLOWED", 401, AnonymousAuthenticationNotAllowedException.class, HexclaveApiException.class),
                Arguments.of("USER_ID_DOES_NOT_EXIST", 400, UserIdDoesNotExistException.class, HexclaveApiException.class),
                Arguments.of("CANNOT_GET_OWN_USER_WITHOUT_USER", 400, CannotGetOwnUserWithoutUserException.class, HexclaveApiException.class),
                Arguments.of("TEAM_NOT_FOUND", 404, TeamNotFoundException.class, HexclaveApiException.class),
                Arguments.of("TEAM_MEMBERSHIP_NOT_FOUND", 404, TeamMembershipNotFoundException.class, HexclaveApiException.class),
                Arguments.of("TEAM_MEMBERSHIP_ALREADY_EXISTS", 409, io.quarkiverse.hexclave.client.error.TeamMembershipAlreadyExistsException.class, HexclaveApiException.class),
                Arguments.of("PERMISSION_NOT_FOUND", 404, PermissionNotFoundException.class, HexclaveApiException.class),
                Arguments.of("TEAM_PERMISSION_REQUIRED", 401, io.quarkiverse.hexclave.client.error.PermissionNotHeldException.class, HexclaveApiException.class),
                Arguments.of("TEAM_PERMISSION_NOT_FOUND", 401, io.quarkiverse.hexclave.client.error.PermissionNotHeldException.class, HexclaveApiException.class),
                Arguments.of("PROJECT_PERMISSION_REQUIRED", 401, io.quarkiverse.hexclave.client.error.PermissionNotHeldException.class, HexclaveApiException.class),
                Arguments.of("WRONG_PERMISSION_SCOPE", 404, PermissionNotFoundException.class, HexclaveApiException.class),
                Arguments.of("USER_EMAIL_ALREADY_EXISTS", 409, UserEmailAlreadyExistsException.class, HexclaveApiException.class),
                Arguments.of("API_KEY_NOT_FOUND", 404, io.quarkiverse.hexclave.client.error.ApiKeyNotFoundException.class, io.quarkiverse.hexclave.client.error.ApiKeyNotValidException.class),
                Arguments.of("API_KEY_EXPIRED", 401, io.quarkiverse.hexclave.client.error.ApiKeyExpiredException.class, io.quarkiverse.hexclave.client.error.ApiKeyNotValidException.class),
                Arguments.of("API_KEY_REVOKED", 401, io.quarkiverse.hexclave.client.error.ApiKeyRevokedException.class, io.quarkiverse.hexclave.client.error.ApiKeyNotValidException.class),
                Arguments.of("WRONG_API_KEY_TYPE", 400, io.quarkiverse.hexclave.client.error.WrongApiKeyTypeException.class, io.quarkiverse.hexclave.client.error.ApiKeyNotValidException.class),
                Arguments.of("PUBLIC_API_KEY_CANNOT_BE_REVOKED", 400, io.quarkiverse.hexclave.client.error.PublicApiKeyCannotBeRevokedException.class, HexclaveApiException.class),
                Arguments.of("VERIFICATION_CODE_EXPIRED", 400, io.quarkiverse.hexclave.client.error.VerificationCodeException.class, HexclaveApiException.class),
                Arguments.of("VERIFICATION_CODE_ALREADY_USED", 409, io.quarkiverse.hexclave.client.error.VerificationCodeException.class, HexclaveApiException.class),
                Arguments.of("VERIFICATION_CODE_MAX_ATTEMPTS_REACHED", 400, io.quarkiverse.hexclave.client.error.VerificationCodeException.class, HexclaveApiException.class),
                Arguments.of("EMAIL_ALREADY_VERIFIED", 400, io.quarkiverse.hexclave.client.error.EmailAlreadyVerifiedException.class, HexclaveApiException.class),
                Arguments.of("OAUTH_PROVIDER_ACCOUNT_ID_ALREADY_USED_FOR_SIGN_IN", 400, io.quarkiverse.hexclave.client.error.OAuthAccountAlreadyUsedForSignInException.class, HexclaveApiException.class),
                Arguments.of("TEAM_INVITATION_EMAIL_MISMATCH", 403, io.quarkiverse.hexclave.client.error.TeamInvitationNotAllowedException.class, HexclaveApiException.class),
                Arguments.of("TEAM_INVITATION_RESTRICTED_USER_NOT_ALLOWED", 403, io.quarkiverse.hexclave.client.error.TeamInvitationNotAllowedException.class, HexclaveApiException.class),
                Arguments.of("INVALID_POLLING_CODE", 400, InvalidPollingCodeException.class, HexclaveApiException.class),
                Arguments.of("SESSION_REPLAY_RENDER_LIMIT_REACHED", 409, UnknownHexclaveErrorException.class, HexclaveApiException.class));
    }

    @ParameterizedTest(name = "{0} -> {2}")
    @MethodSource("knownCodes")
    void everyKnownCodeMapsToItsType(String code, int status, Class<? extends HexclaveApiException> type,
            Class<? extends HexclaveApiException> family) {
        hexclave.server.stubFor(get("/api/v1/users/" + USER_ID).willReturn(knownError(status, code)));

        HexclaveApiException e = catchThrowableOfType(HexclaveApiException.class, () -> client.users().get(USER_ID));

        assertThat(e).isExactlyInstanceOf(type).isInstanceOf(family);
        assertThat(e.code()).isEqualTo(code);
        assertThat(e.status()).isEqualTo(status);
        assertThat(e.requestId()).contains("req-" + status);
        assertThat(e.getMessage()).contains(code).contains(Integer.toString(status)).contains("req-" + status)
                .doesNotContain("Human text");
        assertThat(e.serverMessage()).contains("Human text for " + code);
    }

    @Test
    void detailsAreKeptAsJson() {
        hexclave.server.stubFor(get("/api/v1/users/" + USER_ID).willReturn(HexclaveStub.json(401,
                "{\"code\":\"ACCESS_TOKEN_EXPIRED\",\"details\":{\"expired_at_millis\":1738374988000,\"user_id\":null},\"error\":\"expired\"}")));

        var e = catchThrowableOfType(AccessTokenExpiredException.class, () -> client.users().get(USER_ID));

        assertThat(e.details().path("expired_at_millis").asLong()).isEqualTo(1738374988000L);
        assertThat(e.details().path("user_id").isNull()).isTrue();
    }

    @Test
    void errorWithoutDetailsHasAnEmptyDetailsObject() {
        hexclave.server.stubFor(get("/api/v1/users/" + USER_ID).willReturn(knownError(404, "USER_NOT_FOUND")));

        var e = catchThrowableOfType(UserNotFoundException.class, () -> client.users().get(USER_ID));

        assertThat(e.details().isObject()).isTrue();
        assertThat(e.details().size()).isZero();
    }

    @Test
    void actualStatusHeaderWinsOverTheStatusLine() {
        hexclave.server.stubFor(get("/api/v1/users/" + USER_ID).willReturn(knownError(200, "USER_NOT_FOUND")
                .withHeader("x-hexclave-actual-status", "404")));

        var e = catchThrowableOfType(UserNotFoundException.class, () -> client.users().get(USER_ID));

        assertThat(e.status()).isEqualTo(404);
    }

    @Test
    void legacyStackHeadersAreReadWhenHexclaveOnesAreAbsent() {
        hexclave.server.stubFor(get("/api/v1/users/" + USER_ID).willReturn(aResponse().withStatus(200)
                .withHeader("x-stack-actual-status", "401").withHeader("x-stack-known-error", "ACCESS_TOKEN_EXPIRED")
                .withHeader("x-stack-request-id", "legacy-req").withBody("not json")));

        var e = catchThrowableOfType(AccessTokenExpiredException.class, () -> client.users().get(USER_ID));

        assertThat(e.status()).isEqualTo(401);
        assertThat(e.requestId()).contains("legacy-req");
    }

    @Test
    void plainTextErrorIsUnknownWithStatusAndText() {
        hexclave.server.stubFor(get("/api/v1/users/" + USER_ID).willReturn(aResponse().withStatus(404)
                .withHeader("content-type", "text/plain; charset=utf-8").withBody("Session not found.")));

        var e = catchThrowableOfType(UnknownHexclaveErrorException.class, () -> client.users().get(USER_ID));

        assertThat(e.code()).isNull();
        assertThat(e.status()).isEqualTo(404);
        assertThat(e.serverMessage()).contains("Session not found.");
        assertThat(e.requestId()).isEmpty();
    }

    @Test
    void nonJson5xxBodyIsKeptAsABoundedExcerptWithoutTokens() {
        String html = "<html><body>" + "Bad gateway ".repeat(100) + " eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiJ4In0.sig</body></html>";
        hexclave.server.stubFor(get("/api/v1/users/" + USER_ID).willReturn(aResponse().withStatus(500)
                .withHeader("content-type", "text/html").withBody("eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiJ4In0.sig " + html)));

        var e = catchThrowableOfType(UnknownHexclaveErrorException.class, () -> client.users().get(USER_ID));

        assertThat(e.status()).isEqualTo(500);
        assertThat(e.serverMessage()).isPresent();
        assertThat(e.serverMessage().get()).hasSizeLessThanOrEqualTo(301).startsWith("****").doesNotContain("eyJ");
    }

    @Test
    void unexpectedSuccessBodyIsAnUnknownError() {
        hexclave.server.stubFor(get("/api/v1/users/" + USER_ID).willReturn(aResponse().withStatus(200).withBody("[1,2]")));

        var e = catchThrowableOfType(UnknownHexclaveErrorException.class, () -> client.users().get(USER_ID));

        assertThat(e.status()).isEqualTo(200);
    }
}
