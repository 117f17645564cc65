package io.quarkiverse.hexclave.emulator.internal;

/** {@code GET /api/v1} (welcome text, a cheap credentials check) and {@code GET /health}. */
final class RootRoutes {

    private final EmulatedProject project;

    RootRoutes(EmulatedProject project) {
        this.project = project;
    }

    void register(ApiServer server) {
        server.route("GET", "/api/v1", true, this::welcome);
        server.route("GET", "/health", false, r -> ApiResponse.text(200, "OK"));
    }

    private ApiResponse welcome(ApiRequest r) {
        r.allowQuery();
        StringBuilder text = new StringBuilder(
                "Welcome to the Hexclave API endpoint (Hexclave emulator)! Please refer to the documentation at https://docs.hexclave.com.\n\n");
        if (r.access() == null) {
            text.append("Authentication: None");
        } else {
            String type = r.accessType();
            text.append("Authentication: ").append(Character.toUpperCase(type.charAt(0))).append(type.substring(1));
            text.append("\n  Project: ").append(project.projectId());
            DecodedAccessToken token = r.token();
            if (token != null) {
                StoredUser user = project.store().user(token.userId());
                String email = user == null ? null : user.primaryEmail();
                text.append("\n  User: ").append(email != null ? email : token.userId());
            } else {
                text.append("\n  User: None");
            }
        }
        return ApiResponse.text(200, text.toString());
    }
}
