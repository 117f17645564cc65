package io.quarkiverse.hexclave.runtime.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import io.quarkiverse.hexclave.verifier.UserClass;

/**
 * The JAX-RS endpoints annotated with {@code @AllowRestrictedUsers} / {@code @AllowAnonymousUsers}, as HTTP methods
 * and path patterns collected at build time. The identity provider authenticates a restricted or anonymous user who is
 * not allowed globally only on a request that matches one of them (fail closed: every other route, JAX-RS or not,
 * sees no such user).
 * <p>
 * Each entry is a string {@code "<METHOD|*> <R|-><A|-> <path regex>"}, written by the deployment processor.
 */
public final class UserClassEndpoints {

    private record Endpoint(String method, boolean restricted, boolean anonymous, Pattern path) {
    }

    private final List<Endpoint> endpoints;

    public UserClassEndpoints(List<String> entries) {
        List<Endpoint> parsed = new ArrayList<>();
        for (String entry : entries) {
            String[] parts = entry.split(" ", 3);
            parsed.add(new Endpoint(parts[0], parts[1].charAt(0) == 'R', parts[1].charAt(1) == 'A',
                    Pattern.compile(parts[2])));
        }
        this.endpoints = List.copyOf(parsed);
    }

    /** Whether a request {@code method path} reaches an endpoint whose annotation admits users of class {@code c}. */
    public boolean admits(String method, String path, UserClass c) {
        if (c == UserClass.NORMAL) {
            return true;
        }
        if (method == null || path == null) {
            return false;
        }
        for (Endpoint e : endpoints) {
            boolean classAdmitted = c == UserClass.ANONYMOUS ? e.anonymous() : e.restricted() || e.anonymous();
            if (classAdmitted && methodMatches(e.method(), method) && e.path().matcher(path).matches()) {
                return true;
            }
        }
        return false;
    }

    private static boolean methodMatches(String declared, String actual) {
        return declared.equals("*") || declared.equalsIgnoreCase(actual)
                // JAX-RS answers HEAD with the GET method.
                || (declared.equals("GET") && actual.equalsIgnoreCase("HEAD"));
    }

    /** A path template ({@code /a/{id}/{rest: .*}}) turned into an anchored regular expression. */
    public static String templateRegex(String template) {
        StringBuilder regex = new StringBuilder();
        int i = 0;
        while (i < template.length()) {
            int open = template.indexOf('{', i);
            if (open < 0) {
                regex.append(Pattern.quote(template.substring(i)));
                break;
            }
            if (open > i) {
                regex.append(Pattern.quote(template.substring(i, open)));
            }
            int depth = 0;
            int close = open;
            for (; close < template.length(); close++) {
                char ch = template.charAt(close);
                if (ch == '{') {
                    depth++;
                } else if (ch == '}' && --depth == 0) {
                    break;
                }
            }
            String variable = template.substring(open + 1, Math.min(close, template.length()));
            int colon = variable.indexOf(':');
            regex.append(colon < 0 ? "[^/]+" : "(?:" + variable.substring(colon + 1).strip() + ")");
            i = close + 1;
        }
        return regex.append("/?").toString();
    }
}
