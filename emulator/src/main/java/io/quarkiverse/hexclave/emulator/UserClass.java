package io.quarkiverse.hexclave.emulator;

/**
 * The three classes of Hexclave users, which decide a token's issuer, audience, signing keys and the
 * {@code is_anonymous} / {@code is_restricted} / {@code restricted_reason} claims (wire reference §3.3).
 * <p>
 * This is the emulator's own enum: the emulator depends on nothing else of the project.
 */
public enum UserClass {
    /** A fully onboarded user: issuer {@code …/projects/{id}}, audience {@code {id}}. */
    NORMAL("projects", ""),
    /** A restricted user (e.g. unverified e-mail, restricted by an administrator): {@code …/projects-restricted-users/{id}}, audience {@code {id}:restricted}. */
    RESTRICTED("projects-restricted-users", ":restricted"),
    /** An anonymous (guest) user, also restricted: {@code …/projects-anonymous-users/{id}}, audience {@code {id}:anon}. */
    ANONYMOUS("projects-anonymous-users", ":anon");

    private final String issuerPathSegment;
    private final String audienceSuffix;

    UserClass(String issuerPathSegment, String audienceSuffix) {
        this.issuerPathSegment = issuerPathSegment;
        this.audienceSuffix = audienceSuffix;
    }

    /** The issuer for a project on an origin, e.g. {@code https://api.hexclave.com/api/v1/projects-anonymous-users/<id>}. */
    public String issuer(String origin, String projectId) {
        return origin + "/api/v1/" + issuerPathSegment + "/" + projectId;
    }

    /** The audience for a project, e.g. {@code <id>:restricted}. */
    public String audience(String projectId) {
        return projectId + audienceSuffix;
    }
}
