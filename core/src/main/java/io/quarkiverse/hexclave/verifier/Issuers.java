package io.quarkiverse.hexclave.verifier;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every issuer accepted for one project: the accepted origins × the three user classes (wire reference §3.3), each
 * with the class it issues for. Immutable.
 */
final class Issuers {

    private final Map<String, UserClass> classes;

    Issuers(List<String> origins, String projectId) {
        Map<String, UserClass> map = new HashMap<>();
        for (String origin : origins) {
            for (UserClass userClass : UserClass.values()) {
                map.put(userClass.issuer(origin, projectId), userClass);
            }
        }
        this.classes = Map.copyOf(map);
    }

    /** The class {@code iss} issues tokens for, or {@code null} when it is not an accepted issuer. */
    UserClass classOf(Object iss) {
        return iss instanceof String s ? classes.get(s) : null;
    }
}
