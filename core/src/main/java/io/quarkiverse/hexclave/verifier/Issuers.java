package io.quarkiverse.hexclave.verifier;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every issuer accepted for one project: the accepted origins × the three user classes (wire reference §3.3), each
 * with the class it issues for. Immutable.
 */
final class Issuers {

    private final String projectId;
    private final Map<String, UserClass> classes;
    private final Map<String, String> canonical;
    private final Map<UserClass, String> audiences;

    Issuers(List<String> origins, String projectId) {
        this.projectId = projectId;
        Map<String, UserClass> map = new HashMap<>();
        Map<UserClass, String> aud = new java.util.EnumMap<>(UserClass.class);
        for (UserClass userClass : UserClass.values()) {
            aud.put(userClass, userClass.audience(projectId));
            for (String origin : origins) {
                map.put(userClass.issuer(origin, projectId), userClass);
            }
        }
        this.classes = Map.copyOf(map);
        Map<String, String> same = new HashMap<>();
        map.keySet().forEach(k -> same.put(k, k));
        this.canonical = Map.copyOf(same);
        this.audiences = Map.copyOf(aud);
    }

    String projectId() {
        return projectId;
    }

    /** The table's own instance of an accepted issuer (so that verified claims share it), else {@code iss} itself. */
    String canonical(String iss) {
        return canonical.getOrDefault(iss, iss);
    }

    /** Whether {@code iss} is one of the accepted issuers. */
    boolean isIssuer(String iss) {
        return classes.containsKey(iss);
    }

    /** The audience of {@code userClass} for this project, one instance each. */
    String audience(UserClass userClass) {
        return audiences.get(userClass);
    }

    /** The class {@code iss} issues tokens for, or {@code null} when it is not an accepted issuer. */
    UserClass classOf(Object iss) {
        return iss instanceof String s ? classes.get(s) : null;
    }
}
