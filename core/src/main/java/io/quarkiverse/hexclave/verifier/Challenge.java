package io.quarkiverse.hexclave.verifier;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The answer to a request that Hexclave authentication did not let in: a status and its headers. Built here once;
 * the Quarkus mechanism and the Jakarta mechanism only render it, so both adapters answer alike.
 * <ul>
 * <li>A rejected or malformed credential: 401 with an RFC 6750 {@code WWW-Authenticate} challenge naming the reason
 * (a fixed text, never the token).</li>
 * <li>No credential on a protected resource: 401 with a plain {@code WWW-Authenticate: Bearer}.</li>
 * <li>Hexclave's keys (or, verifying through the REST API, Hexclave itself) unavailable: the keys-unavailable status
 * (503 by default) with {@code Retry-After}; the caller is not at fault.</li>
 * <li>A state-changing request authenticated by a cookie without a same-origin signal (a possible cross-site request
 * forgery, see {@code SameOriginCheck}): 403, {@link #crossSite()}.</li>
 * </ul>
 * Every challenge carries {@code Cache-Control: no-store}, so that no cache keeps an authentication failure.
 *
 * @param status the HTTP status
 * @param headers the response headers, in order
 * @param reason the rejection reason, or {@code null} for keys unavailable and for a cross-site request
 */
public record Challenge(int status, Map<String, String> headers, RejectionReason reason) {

    public static final String WWW_AUTHENTICATE = "WWW-Authenticate";
    public static final String CACHE_CONTROL = "Cache-Control";
    public static final String RETRY_AFTER = "Retry-After";
    /** {@code Cache-Control} of every challenge. */
    public static final String NO_STORE = "no-store";
    /** Seconds a client is asked to wait after a keys-unavailable answer. */
    public static final String RETRY_AFTER_SECONDS = "10";
    /** The default keys-unavailable status. */
    public static final int SERVICE_UNAVAILABLE = 503;
    /** The status of {@link #crossSite()}. */
    public static final int FORBIDDEN = 403;
    /** {@link #summary()} of {@link #crossSite()}. */
    public static final String CROSS_SITE = "cross-site request with cookie credentials";

    public Challenge {
        headers = Map.copyOf(Objects.requireNonNull(headers, "headers"));
    }

    /** 401 for {@code reason}: a plain {@code Bearer} challenge for {@link RejectionReason#MISSING}, else RFC 6750. */
    public static Challenge unauthorized(RejectionReason reason) {
        Objects.requireNonNull(reason, "reason");
        Map<String, String> h = new LinkedHashMap<>();
        h.put(WWW_AUTHENTICATE, reason == RejectionReason.MISSING ? "Bearer"
                : "Bearer error=\"invalid_token\", error_description=\"" + reason.description() + "\"");
        h.put(CACHE_CONTROL, NO_STORE);
        return new Challenge(401, h, reason);
    }

    /** {@code status} (a 5xx) with {@code Retry-After}: Hexclave could not be asked. */
    public static Challenge keysUnavailable(int status) {
        Map<String, String> h = new LinkedHashMap<>();
        h.put(RETRY_AFTER, RETRY_AFTER_SECONDS);
        h.put(CACHE_CONTROL, NO_STORE);
        return new Challenge(status, h, null);
    }

    /** 403: a cookie-authenticated, state-changing request that does not show it comes from this site. */
    public static Challenge crossSite() {
        return new Challenge(FORBIDDEN, Map.of(CACHE_CONTROL, NO_STORE), null);
    }

    /** A fixed text for logs and exceptions: the rejection's description, or what else went wrong. */
    public String summary() {
        if (reason != null) {
            return reason.description();
        }
        return status == FORBIDDEN ? CROSS_SITE : "Hexclave unavailable";
    }

    /** The header an adapter names when it can pass only one: {@code WWW-Authenticate}, else {@code Retry-After}. */
    public String primaryHeader() {
        return headers.containsKey(WWW_AUTHENTICATE) ? WWW_AUTHENTICATE
                : headers.containsKey(RETRY_AFTER) ? RETRY_AFTER : CACHE_CONTROL;
    }

    /** The {@code WWW-Authenticate} value, or {@code null} when there is none (keys unavailable). */
    public String wwwAuthenticate() {
        return headers.get(WWW_AUTHENTICATE);
    }
}
