package io.quarkiverse.hexclave.client;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkiverse.hexclave.client.error.*;


/**
 * The one place where a Hexclave error response becomes an exception (wire reference §7). Reads the known-error
 * JSON body ({@code code}, {@code details}, {@code error}), falls back to the {@code x-*-known-error} header, honours
 * {@code x-*-actual-status}, and keeps the status and a bounded body excerpt of anything it does not recognise.
 */
final class HexclaveErrors {

    /** Longest body excerpt kept in {@link UnknownHexclaveErrorException#serverMessage()}. */
    public static final int EXCERPT_LIMIT = 300;

    private static final ObjectMapper JSON = new ObjectMapper();
    /**
     * What an error code and a request id look like. Anything else in those places (line breaks, quotes, free text:
     * found by fuzzing) is dropped rather than echoed into exception messages and logs.
     */
    private static final Pattern ERROR_CODE = Pattern.compile("[A-Z][A-Z0-9_]{0,127}");
    private static final Pattern REQUEST_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");
    private static final Pattern JWT_LIKE = Pattern.compile("eyJ[A-Za-z0-9_-]*\\.[A-Za-z0-9_-]*(\\.[A-Za-z0-9_-]*)?");
    private static final Pattern KEY_LIKE = Pattern
            .compile("\\b((ssk|pck|sak)_[A-Za-z0-9_-]+|(sk|pk)_[A-Za-z0-9_-]{16,})");
    private static final Pattern TOKEN_MEMBER = Pattern
            .compile("\"(refresh_token|access_token|polling_code|password|secret_server_key|api_key|value)\"\\s*:\\s*\"[^\"]*(\"|$)");

    private HexclaveErrors() {
    }

    /**
     * The real HTTP status: {@code x-hexclave-actual-status} (or {@code x-stack-actual-status}) when present, which
     * Hexclave sets when a request asked for error statuses to be overridden; else the status line's.
     */
    public static int effectiveStatus(HexclaveResponse response) {
        return response.hexclaveHeader("actual-status").map(String::strip).flatMap(HexclaveErrors::parseStatus)
                .orElse(response.status());
    }

    /** Whether the response is an error (its real status is 4xx or 5xx). */
    public static boolean isError(HexclaveResponse response) {
        return effectiveStatus(response) >= 400;
    }

    /** The exception for an error response. */
    public static HexclaveApiException toException(HexclaveResponse response) {
        int status = effectiveStatus(response);
        String requestId = requestId(response);
        JsonNode body = parseJsonObject(response.body());
        String code = shaped(ERROR_CODE, body != null && body.path("code").isTextual() ? body.get("code").asText()
                : response.hexclaveHeader("known-error").orElse(null));
        JsonNode details = body != null && body.path("details").isObject() ? body.get("details") : null;
        String text = body != null && body.path("error").isTextual() ? mask(body.get("error").asText())
                : excerpt(response.body());
        HexclaveApiException e = fromCode(code, status, requestId, details, text);
        retryAfter(response).ifPresent(e::initRetryAfter);
        return e;
    }

    /** {@code Retry-After} as seconds or an HTTP date, if present and readable (a past date gives zero). */
    public static Optional<Duration> retryAfter(HexclaveResponse response) {
        Optional<String> value = response.header("retry-after").map(String::strip);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        try {
            long seconds = Long.parseLong(value.get());
            return seconds < 0 ? Optional.empty() : Optional.of(Duration.ofSeconds(seconds));
        } catch (NumberFormatException e) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(value.get(), DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration d = Duration.between(ZonedDateTime.now(at.getZone()), at);
                return Optional.of(d.isNegative() ? Duration.ZERO : d);
            } catch (RuntimeException ignored) {
                return Optional.empty();
            }
        }
    }

    /** A response whose status was fine but whose body was not what the endpoint documents. */
    public static UnknownHexclaveErrorException unexpectedBody(HexclaveResponse response) {
        return new UnknownHexclaveErrorException(null, effectiveStatus(response),
                requestId(response), null, excerpt(response.body()));
    }

    /** The typed exception for a Hexclave error code; {@link UnknownHexclaveErrorException} for unknown codes. */
    public static HexclaveApiException fromCode(String code, int status, String requestId, JsonNode details, String text) {
        if (code == null) {
            return new UnknownHexclaveErrorException(null, status, requestId, details, text);
        }
        return switch (code) {
            case "USER_NOT_FOUND" -> new UserNotFoundException(code, status, requestId, details, text);
            case "ACCESS_TOKEN_EXPIRED" -> new AccessTokenExpiredException(code, status, requestId, details, text);
            case "UNPARSABLE_ACCESS_TOKEN" -> new UnparsableAccessTokenException(code, status, requestId, details, text);
            case "INVALID_PROJECT_FOR_ACCESS_TOKEN" ->
                new InvalidProjectForAccessTokenException(code, status, requestId, details, text);
            case "REFRESH_TOKEN_NOT_FOUND_OR_EXPIRED" ->
                new RefreshTokenNotFoundOrExpiredException(code, status, requestId, details, text);
            case "CANNOT_DELETE_CURRENT_SESSION" ->
                new CannotDeleteCurrentSessionException(code, status, requestId, details, text);
            case "PROVIDER_REJECTED" -> new RefreshTokenException(code, status, requestId, details, text);
            case "SCHEMA_ERROR" -> new SchemaErrorException(code, status, requestId, details, text);
            case "INVALID_SECRET_SERVER_KEY" -> new InvalidSecretServerKeyException(code, status, requestId, details, text);
            case "INVALID_PUBLISHABLE_CLIENT_KEY", "PUBLISHABLE_CLIENT_KEY_REQUIRED_FOR_PROJECT" ->
                new InvalidPublishableClientKeyException(code, status, requestId, details, text);
            case "PROJECT_KEY_WITHOUT_ACCESS_TYPE", "INVALID_ACCESS_TYPE", "ACCESS_TYPE_WITHOUT_PROJECT_ID",
                    "ACCESS_TYPE_REQUIRED", "INSUFFICIENT_ACCESS_TYPE", "INVALID_SUPER_SECRET_ADMIN_KEY",
                    "SERVER_AUTHENTICATION_REQUIRED", "ADMIN_AUTHENTICATION_REQUIRED", "CLIENT_AUTHENTICATION_REQUIRED",
                    "CLIENT_OR_SERVER_AUTHENTICATION_REQUIRED", "CLIENT_OR_ADMIN_AUTHENTICATION_REQUIRED",
                    "CLIENT_OR_SERVER_OR_ADMIN_AUTHENTICATION_REQUIRED", "EXPECTED_INTERNAL_PROJECT",
                    "UNPARSABLE_ADMIN_ACCESS_TOKEN", "ADMIN_ACCESS_TOKEN_EXPIRED", "INVALID_PROJECT_FOR_ADMIN_ACCESS_TOKEN",
                    "ADMIN_ACCESS_TOKEN_IS_NOT_ADMIN", "CURRENT_PROJECT_NOT_FOUND", "BRANCH_DOES_NOT_EXIST" ->
                new ProjectAuthenticationException(code, status, requestId, details, text);
            case "RESTRICTED_USER_NOT_ALLOWED" -> new RestrictedUserNotAllowedException(code, status, requestId, details, text);
            case "ANONYMOUS_AUTHENTICATION_NOT_ALLOWED" ->
                new AnonymousAuthenticationNotAllowedException(code, status, requestId, details, text);
            case "USER_ID_DOES_NOT_EXIST" -> new UserIdDoesNotExistException(code, status, requestId, details, text);
            case "CANNOT_GET_OWN_USER_WITHOUT_USER" ->
                new CannotGetOwnUserWithoutUserException(code, status, requestId, details, text);
            case "TEAM_NOT_FOUND" -> new TeamNotFoundException(code, status, requestId, details, text);
            case "TEAM_MEMBERSHIP_NOT_FOUND" -> new TeamMembershipNotFoundException(code, status, requestId, details, text);
            case "TEAM_MEMBERSHIP_ALREADY_EXISTS" ->
                new TeamMembershipAlreadyExistsException(code, status, requestId, details, text);
            case "TEAM_PERMISSION_REQUIRED", "TEAM_PERMISSION_NOT_FOUND", "PROJECT_PERMISSION_REQUIRED" ->
                new PermissionNotHeldException(code, status, requestId, details, text);
            case "PERMISSION_NOT_FOUND", "WRONG_PERMISSION_SCOPE" ->
                new PermissionNotFoundException(code, status, requestId, details, text);
            case "USER_EMAIL_ALREADY_EXISTS", "CONTACT_CHANNEL_ALREADY_USED_FOR_AUTH_BY_SOMEONE_ELSE" ->
                new UserEmailAlreadyExistsException(code, status, requestId, details, text);
            case "API_KEY_NOT_FOUND" -> new ApiKeyNotFoundException(code, status, requestId, details, text);
            case "API_KEY_EXPIRED" -> new ApiKeyExpiredException(code, status, requestId, details, text);
            case "API_KEY_REVOKED" -> new ApiKeyRevokedException(code, status, requestId, details, text);
            case "WRONG_API_KEY_TYPE" -> new WrongApiKeyTypeException(code, status, requestId, details, text);
            case "API_KEY_NOT_VALID" -> new ApiKeyNotValidException(code, status, requestId, details, text);
            case "PUBLIC_API_KEY_CANNOT_BE_REVOKED" ->
                new PublicApiKeyCannotBeRevokedException(code, status, requestId, details, text);
            case "VERIFICATION_CODE_NOT_FOUND", "VERIFICATION_CODE_EXPIRED", "VERIFICATION_CODE_ALREADY_USED",
                    "VERIFICATION_CODE_MAX_ATTEMPTS_REACHED" ->
                new VerificationCodeException(code, status, requestId, details, text);
            case "EMAIL_ALREADY_VERIFIED" -> new EmailAlreadyVerifiedException(code, status, requestId, details, text);
            case "OAUTH_PROVIDER_ACCOUNT_ID_ALREADY_USED_FOR_SIGN_IN" ->
                new OAuthAccountAlreadyUsedForSignInException(code, status, requestId, details, text);
            case "TEAM_INVITATION_EMAIL_MISMATCH", "TEAM_INVITATION_RESTRICTED_USER_NOT_ALLOWED" ->
                new TeamInvitationNotAllowedException(code, status, requestId, details, text);
            case "INVALID_POLLING_CODE" -> new InvalidPollingCodeException(code, status, requestId, details, text);
            default -> new UnknownHexclaveErrorException(code, status, requestId, details, text);
        };
    }

    /**
     * At most {@link #EXCERPT_LIMIT} characters of a body, whitespace collapsed, with JWT-like strings and
     * Hexclave key-like strings replaced by {@code ****}.
     */
    public static String excerpt(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        // Cut first (with room for masks to shorten it), so the regexes never run over a huge body.
        String text = body.length() > 4 * EXCERPT_LIMIT ? body.substring(0, 4 * EXCERPT_LIMIT) : body;
        text = text.strip().replaceAll("\\s+", " ");
        text = TOKEN_MEMBER.matcher(text).replaceAll("\"$1\":\"****\"");
        text = JWT_LIKE.matcher(text).replaceAll("****");
        text = KEY_LIKE.matcher(text).replaceAll("****");
        boolean cut = body.length() > 4 * EXCERPT_LIMIT;
        return text.length() <= EXCERPT_LIMIT ? (cut ? text + "…" : text) : text.substring(0, EXCERPT_LIMIT) + "…";
    }

    /** Hexclave's error text with anything that looks like a JWT or a Hexclave key (an API key too) replaced. */
    private static String mask(String text) {
        return KEY_LIKE.matcher(JWT_LIKE.matcher(text).replaceAll("****")).replaceAll("****");
    }

    private static String requestId(HexclaveResponse response) {
        return shaped(REQUEST_ID, response.hexclaveHeader("request-id").map(String::strip).orElse(null));
    }

    private static String shaped(Pattern shape, String value) {
        return value != null && shape.matcher(value).matches() ? value : null;
    }

    private static JsonNode parseJsonObject(String body) {
        if (body == null || !body.stripLeading().startsWith("{")) {
            return null;
        }
        try {
            JsonNode node = JSON.readTree(body);
            return node != null && node.isObject() ? node : null;
        } catch (Exception e) {
            return null;
        }
    }

    private static Optional<Integer> parseStatus(String value) {
        try {
            int s = Integer.parseInt(value.toLowerCase(Locale.ROOT));
            return s >= 100 && s <= 599 ? Optional.of(s) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
