package io.quarkiverse.hexclave.verifier;

/**
 * Hexclave's three classes of user; each has its own token issuer, audience and signing keys (wire reference §3.3).
 * The audience ↔ class mapping lives here and nowhere else.
 */
public enum UserClass {

    /** A signed-up user who meets the project's requirements. Audience {@code {projectId}}. */
    NORMAL("projects", ""),

    /** A user who has not completed the onboarding requirements, or was restricted by an administrator.
     * Audience {@code {projectId}:restricted}. */
    RESTRICTED("projects-restricted-users", "restricted"),

    /** A guest user. Audience {@code {projectId}:anon}. */
    ANONYMOUS("projects-anonymous-users", "anon");

    private final String issuerPathSegment;
    private final String audienceSuffix;

    UserClass(String issuerPathSegment, String audienceSuffix) {
        this.issuerPathSegment = issuerPathSegment;
        this.audienceSuffix = audienceSuffix;
    }

    /** {@code {origin}/api/v1/{segment}/{projectId}}. */
    public String issuer(String origin, String projectId) {
        return origin + "/api/v1/" + issuerPathSegment + "/" + projectId;
    }

    /** {@code {projectId}}, {@code {projectId}:restricted} or {@code {projectId}:anon}. */
    public String audience(String projectId) {
        return audienceSuffix.isEmpty() ? projectId : projectId + ":" + audienceSuffix;
    }

    /**
     * The class an audience names, or {@code null} when the audience has an unknown suffix. The project part (before
     * the first {@code :}) is not looked at: compare it with {@link #projectOf(String)}.
     */
    public static UserClass ofAudience(String audience) {
        int colon = audience.indexOf(':');
        if (colon < 0) {
            return NORMAL;
        }
        String suffix = audience.substring(colon + 1);
        for (UserClass c : values()) {
            if (c != NORMAL && c.audienceSuffix.equals(suffix)) {
                return c;
            }
        }
        return null;
    }

    /** The project part of an audience: the text before the first {@code :}. */
    public static String projectOf(String audience) {
        int colon = audience.indexOf(':');
        return colon < 0 ? audience : audience.substring(0, colon);
    }

    /** The group a principal of this class gets besides {@code authenticated}, if any. */
    public String group() {
        return switch (this) {
            case NORMAL -> null;
            case RESTRICTED -> "restricted";
            case ANONYMOUS -> "anonymous";
        };
    }

    /** The rejection of a token of this class where the class is not admitted ({@code null} for {@link #NORMAL}). */
    RejectionReason notAllowed() {
        return switch (this) {
            case NORMAL -> null;
            case RESTRICTED -> RejectionReason.RESTRICTED_USER_NOT_ALLOWED;
            case ANONYMOUS -> RejectionReason.ANONYMOUS_USER_NOT_ALLOWED;
        };
    }
}
