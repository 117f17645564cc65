package io.quarkiverse.hexclave.contract;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One operation of a Hexclave OpenAPI document.
 *
 * @param method the HTTP method, upper case ({@code GET}, {@code POST} …)
 * @param path the path template under {@code /api/v1}, e.g. {@code /teams/{team_id}}
 * @param tag the operation's first tag (its area, e.g. {@code Teams}); {@code Root} for the untagged {@code GET /}
 */
public record Operation(String method, String path, String tag) {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

    /** {@code METHOD /path}, e.g. {@code GET /teams/{team_id}}. */
    @Override
    public String toString() {
        return method + " " + path;
    }

    /** The operations of a document, in document order. */
    static List<Operation> listedIn(JsonNode document) {
        List<Operation> out = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : iterable(document.path("paths"))) {
            for (Map.Entry<String, JsonNode> op : iterable(path.getValue())) {
                if (METHODS.contains(op.getKey())) {
                    JsonNode tags = op.getValue().path("tags");
                    String tag = tags.isArray() && !tags.isEmpty() ? tags.get(0).asText() : "Root";
                    out.add(new Operation(op.getKey().toUpperCase(Locale.ROOT), path.getKey(), tag));
                }
            }
        }
        return List.copyOf(out);
    }

    /**
     * The operation a concrete request path falls under: among the templates with this method whose segments match,
     * the one with a literal segment where the others have a parameter, earliest first (OpenAPI: concrete paths win
     * over templated ones).
     */
    static Optional<Operation> resolve(List<Operation> operations, String method, String path) {
        String[] segments = segments(path);
        return operations.stream()
                .filter(o -> o.method.equalsIgnoreCase(method) && matches(segments(o.path), segments))
                .max(Comparator.comparing(o -> literalMask(segments(o.path))));
    }

    private static boolean matches(String[] template, String[] concrete) {
        if (template.length != concrete.length) {
            return false;
        }
        for (int i = 0; i < template.length; i++) {
            if (!isParameter(template[i]) && !template[i].equals(concrete[i])) {
                return false;
            }
        }
        return true;
    }

    /** "1" for a literal segment, "0" for a parameter: comparing these strings ranks literal-first templates higher. */
    private static String literalMask(String[] template) {
        StringBuilder mask = new StringBuilder();
        for (String s : template) {
            mask.append(isParameter(s) ? '0' : '1');
        }
        return mask.toString();
    }

    private static boolean isParameter(String segment) {
        return segment.startsWith("{") && segment.endsWith("}");
    }

    private static String[] segments(String path) {
        String p = path.startsWith("/api/v1") ? path.substring("/api/v1".length()) : path;
        return p.isEmpty() || p.equals("/") ? new String[0] : p.substring(1).split("/", -1);
    }

    private static Iterable<Map.Entry<String, JsonNode>> iterable(JsonNode node) {
        return node::fields;
    }
}
