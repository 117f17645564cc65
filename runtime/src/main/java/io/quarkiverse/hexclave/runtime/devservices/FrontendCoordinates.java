package io.quarkiverse.hexclave.runtime.devservices;

import java.util.Objects;
import java.util.Optional;

/**
 * What a frontend pastes into the JS SDK's configuration ({@code new StackClientApp({...})} of {@code @stackframe/js})
 * to sign users in against a Hexclave: the base URL, the project id and the publishable client key. All three are
 * public by design (the publishable key ships in every browser bundle); the secret server key is never part of it.
 * Formatted once here for the Dev Services start-up log and the Dev UI.
 *
 * @param baseUrl the Hexclave origin the SDK calls, e.g. {@code http://127.0.0.1:8102}
 * @param projectId the project id
 * @param publishableClientKey the publishable client key, if the application knows one
 */
public record FrontendCoordinates(String baseUrl, String projectId, Optional<String> publishableClientKey) {

    public FrontendCoordinates {
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(projectId, "projectId");
        publishableClientKey = Objects.requireNonNullElse(publishableClientKey, Optional.empty());
    }

    /** The {@code StackClientApp} options, one per line, as JavaScript: {@code baseUrl: "…",} and so on. */
    public String stackClientAppOptions() {
        StringBuilder out = new StringBuilder();
        out.append("baseUrl: ").append(jsString(baseUrl)).append(",\n");
        out.append("projectId: ").append(jsString(projectId)).append(",\n");
        publishableClientKey.ifPresent(k -> out.append("publishableClientKey: ").append(jsString(k)).append(",\n"));
        return out.toString();
    }

    /**
     * The same values as the lines of a Vite {@code .env.development.local} file ({@code VITE_HEXCLAVE_API_URL=…}),
     * read in the frontend as {@code import.meta.env.VITE_HEXCLAVE_…}.
     */
    public String viteEnv() {
        StringBuilder out = new StringBuilder();
        out.append("VITE_HEXCLAVE_API_URL=").append(baseUrl).append('\n');
        out.append("VITE_HEXCLAVE_PROJECT_ID=").append(projectId).append('\n');
        publishableClientKey.ifPresent(k -> out.append("VITE_HEXCLAVE_PUBLISHABLE_CLIENT_KEY=").append(k).append('\n'));
        return out.toString();
    }

    private static String jsString(String value) {
        return '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
