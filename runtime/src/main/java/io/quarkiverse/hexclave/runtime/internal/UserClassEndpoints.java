package io.quarkiverse.hexclave.runtime.internal;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import io.quarkiverse.hexclave.verifier.UserClass;

/**
 * The JAX-RS endpoints annotated with {@code @AllowRestrictedUsers} / {@code @AllowAnonymousUsers}, as collected at
 * build time. The identity provider asks {@link #grantFor} which classes a request's endpoint grants (by HTTP method
 * and path; the exact JAX-RS method once {@link UserClassFilter} matched it) and hands
 * {@code policy.admittedOn(grant)} to the verifier: every other route, JAX-RS or not, sees no such user.
 */
public final class UserClassEndpoints {

    private final List<EndpointGrant> endpoints;

    public UserClassEndpoints(List<EndpointGrant> endpoints) {
        this.endpoints = List.copyOf(endpoints);
    }

    /** Every grant, for the verifier's policy ({@code anywhere}). */
    public List<EndpointGrant> all() {
        return endpoints;
    }

    /** The classes the endpoints matching {@code method path} grant; empty when none matches. */
    public Set<UserClass> grantFor(String method, String path) {
        if (method == null || path == null || endpoints.isEmpty()) {
            return Set.of();
        }
        EnumSet<UserClass> grant = EnumSet.noneOf(UserClass.class);
        for (EndpointGrant e : endpoints) {
            if (e.matches(method, path)) {
                grant.addAll(e.grant());
            }
        }
        return grant;
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
