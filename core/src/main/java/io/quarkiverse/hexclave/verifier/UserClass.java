package io.quarkiverse.hexclave.verifier;

/**
 * Hexclave's three classes of user; each has its own token issuer, audience and signing keys (wire reference §3.3).
 */
public enum UserClass {

    /** A signed-up user who meets the project's requirements. Audience {@code {projectId}}. */
    NORMAL("projects", ""),

    /** A user who has not completed the onboarding requirements, or was restricted by an administrator.
     * Audience {@code {projectId}:restricted}. */
    RESTRICTED("projects-restricted-users", ":restricted"),

    /** A guest user. Audience {@code {projectId}:anon}. */
    ANONYMOUS("projects-anonymous-users", ":anon");

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
        return projectId + audienceSuffix;
    }

    /** The group a principal of this class gets besides {@code authenticated}, if any. */
    public String group() {
        return switch (this) {
            case NORMAL -> null;
            case RESTRICTED -> "restricted";
            case ANONYMOUS -> "anonymous";
        };
    }
}
