package io.quarkiverse.hexclave.verifier;

import java.util.Map;
import java.util.Set;

/**
 * The claim rules of the wire reference §3.3 and §3.5, as pure functions of a claims map and a {@link Context}: no
 * JOSE, no keys, no I/O. {@link #check} judges claims whose signature was verified (or that Hexclave vouched for);
 * {@link #precheck} and {@link #unverifiedClass} look at claims nobody verified yet, and can only turn a token away.
 */
final class ClaimRules {

    /** Latest instant a token may name: 9999-12-31T23:59:59Z, so that every accepted time is an {@code Instant}. */
    static final long MAX_EPOCH_SECOND = 253_402_300_799L;

    /**
     * @param projectId the project tokens must be for
     * @param issuers the accepted issuers
     * @param now the current time, in epoch seconds
     * @param skew the leeway on {@code exp} and {@code iat}, in seconds
     */
    record Context(String projectId, Issuers issuers, long now, long skew) {

        /** The context of {@code settings} at the current time of {@code clock}. */
        static Context now(io.quarkiverse.hexclave.config.HexclaveSettings settings, Issuers issuers,
                java.time.Clock clock) {
            return new Context(settings.projectId(), issuers, clock.instant().getEpochSecond(),
                    settings.clockSkew().getSeconds());
        }
    }

    /** The judgement of verified claims. */
    sealed interface Outcome {
        record Valid(VerifiedClaims claims) implements Outcome {
        }

        record Invalid(Verification.Rejected rejection) implements Outcome {
        }
    }

    private ClaimRules() {
    }

    /**
     * Judges claims after their signature was verified: every required claim present and typed, audience and issuer of
     * this project and of one user class, within their validity, on branch {@code main}, and consistent. Whether the
     * class is admitted is not decided here (see {@link UserClassPolicy}).
     */
    static Outcome check(Map<String, Object> c, Context ctx, AccessToken.TokenDigest digest) {
        if (!(c.get("sub") instanceof String sub) || sub.isEmpty()) {
            return missing("sub");
        }
        Object audValue = c.get("aud");
        if (audValue == null) {
            return missing("aud");
        }
        if (!(audValue instanceof String aud)) {
            return invalid(RejectionReason.WRONG_AUDIENCE, "aud must be a single string");
        }
        if (!UserClass.projectOf(aud).equals(ctx.projectId())) {
            return invalid(RejectionReason.WRONG_AUDIENCE, "token is for another project");
        }
        UserClass audClass = UserClass.ofAudience(aud);
        if (audClass == null) {
            return invalid(RejectionReason.WRONG_AUDIENCE, "unknown audience suffix");
        }
        Object iss = c.get("iss");
        if (!(iss instanceof String)) {
            return missing("iss");
        }
        UserClass issClass = ctx.issuers().classOf(iss);
        if (issClass == null) {
            return invalid(RejectionReason.WRONG_ISSUER, "issuer not accepted");
        }
        if (issClass != audClass) {
            return invalid(RejectionReason.WRONG_ISSUER, "issuer does not match the audience's user class");
        }
        long exp = epochSecond(c.get("exp"));
        if (exp < 0) {
            return missing("exp");
        }
        long iat = epochSecond(c.get("iat"));
        if (iat < 0) {
            return missing("iat");
        }
        if (ctx.now() > exp + ctx.skew()) {
            return invalid(RejectionReason.EXPIRED, null);
        }
        if (iat > ctx.now() + ctx.skew()) {
            return invalid(RejectionReason.NOT_YET_VALID, null);
        }
        Object branch = c.containsKey("branch_id") ? c.get("branch_id") : c.get("branchId");
        if (branch == null) {
            return missing("branch_id");
        }
        if (!"main".equals(branch)) {
            return invalid(RejectionReason.WRONG_BRANCH, null);
        }
        Object projectClaim = c.get("project_id");
        if (projectClaim != null && !ctx.projectId().equals(projectClaim)) {
            return inconsistent("project_id does not match aud");
        }
        if (!(c.get("is_anonymous") instanceof Boolean anonymous)) {
            return missing("is_anonymous");
        }
        Object restrictedValue = c.containsKey("is_restricted") ? c.get("is_restricted") : anonymous;
        if (!(restrictedValue instanceof Boolean restricted)) {
            return missing("is_restricted");
        }
        Object reason = c.get("restricted_reason");
        if (reason == null && !c.containsKey("restricted_reason") && anonymous) {
            reason = Map.of("type", "anonymous"); // legacy fallback (§3.5)
        }
        if (reason != null && !(reason instanceof Map<?, ?> m && m.get("type") instanceof String)) {
            return inconsistent("restricted_reason must be an object with a type");
        }
        if (anonymous && !restricted) {
            return inconsistent("an anonymous user must be restricted");
        }
        if (restricted != (reason != null)) {
            return inconsistent("restricted_reason must be set exactly when the user is restricted");
        }
        if (anonymous != (audClass == UserClass.ANONYMOUS)) {
            return inconsistent("the :anon audience must match is_anonymous");
        }
        if (audClass == UserClass.RESTRICTED && !restricted) {
            return inconsistent("the :restricted audience requires a restricted user");
        }
        if (restricted && !anonymous && audClass != UserClass.RESTRICTED) {
            return inconsistent("a restricted user must have the :restricted audience");
        }
        for (String optionalString : new String[] { "email", "name", "selected_team_id" }) {
            Object v = c.get(optionalString);
            if (v != null && !(v instanceof String)) {
                return invalid(RejectionReason.MISSING_CLAIM, "claim " + optionalString + " must be a string");
            }
        }
        return new Outcome.Valid(VerifiedClaims.of(c, audClass, restricted, reason, iat, exp, ctx.issuers(), digest));
    }

    /**
     * What unverified claims already rule out, before anyone is asked: missing {@code sub}/{@code aud}/{@code iss}/
     * {@code exp}, expiry, another project, an issuer not accepted, a user class not admitted. {@code null} when only
     * a signature check (or Hexclave) can tell.
     */
    static Verification.Rejected precheck(Map<String, Object> c, Context ctx, Set<UserClass> admitted) {
        for (String claim : new String[] { "sub", "aud", "iss", "exp" }) {
            if (c.get(claim) == null) { // every Hexclave access token has them
                return Verification.Rejected.of(RejectionReason.MISSING_CLAIM);
            }
        }
        long exp = epochSecond(c.get("exp"));
        if (exp < 0) {
            return Verification.Rejected.of(RejectionReason.MISSING_CLAIM);
        }
        if (ctx.now() > exp + ctx.skew()) {
            return Verification.Rejected.of(RejectionReason.EXPIRED);
        }
        if (!(c.get("aud") instanceof String aud)) {
            return new Verification.Rejected(RejectionReason.WRONG_AUDIENCE, "aud must be a single string");
        }
        Object projectId = c.get("project_id");
        if (!UserClass.projectOf(aud).equals(ctx.projectId())
                || (projectId != null && !ctx.projectId().equals(projectId))) {
            return new Verification.Rejected(RejectionReason.WRONG_AUDIENCE, "token is for another project");
        }
        if (ctx.issuers().classOf(c.get("iss")) == null) {
            return new Verification.Rejected(RejectionReason.WRONG_ISSUER, "issuer not accepted");
        }
        return UserClassPolicy.refusal(unverifiedClass(c, ctx.issuers()), admitted);
    }

    /**
     * The most restricted class any unverified claim points to (issuer, audience suffix, {@code is_anonymous},
     * {@code is_restricted}): used only to turn away a token whose class is not admitted, without a key fetch or a
     * call. Never grounds for accepting a token.
     */
    static UserClass unverifiedClass(Map<String, Object> c, Issuers issuers) {
        UserClass issClass = issuers.classOf(c.get("iss"));
        UserClass audClass = c.get("aud") instanceof String aud ? UserClass.ofAudience(aud) : null;
        if (issClass == UserClass.ANONYMOUS || audClass == UserClass.ANONYMOUS
                || Boolean.TRUE.equals(c.get("is_anonymous"))) {
            return UserClass.ANONYMOUS;
        }
        if (issClass == UserClass.RESTRICTED || audClass == UserClass.RESTRICTED
                || Boolean.TRUE.equals(c.get("is_restricted"))) {
            return UserClass.RESTRICTED;
        }
        return UserClass.NORMAL;
    }

    /**
     * A time claim as epoch seconds, or -1 when it is not a number in {@code [0, MAX_EPOCH_SECOND]} (so that
     * arithmetic on it cannot overflow and every accepted value is an {@code Instant}).
     */
    static long epochSecond(Object value) {
        if (value instanceof Long || value instanceof Integer) {
            long v = ((Number) value).longValue();
            return v >= 0 && v <= MAX_EPOCH_SECOND ? v : -1;
        }
        if (value instanceof Double d && d >= 0 && d <= MAX_EPOCH_SECOND) {
            return (long) Math.floor(d);
        }
        return -1; // strings, BigIntegers beyond long, NaN, negative or beyond year 9999
    }

    private static Outcome missing(String claim) {
        return invalid(RejectionReason.MISSING_CLAIM, "claim " + claim + " missing or mistyped");
    }

    private static Outcome inconsistent(String detail) {
        return invalid(RejectionReason.INCONSISTENT_CLAIMS, detail);
    }

    private static Outcome invalid(RejectionReason reason, String detail) {
        return new Outcome.Invalid(new Verification.Rejected(reason, detail));
    }
}
