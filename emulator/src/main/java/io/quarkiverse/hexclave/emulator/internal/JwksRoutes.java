package io.quarkiverse.hexclave.emulator.internal;

/**
 * {@code GET /api/v1/projects/{id}/.well-known/jwks.json} with the JWKS faults, and the anonymous-users alias which
 * redirects (307) to it with {@code include_anonymous=true} (§3.4).
 */
final class JwksRoutes {

    private final EmulatedProject project;

    JwksRoutes(EmulatedProject project) {
        this.project = project;
    }

    void register(ApiServer server) {
        server.route("GET", "/api/v1/projects/([^/]+)/\\.well-known/jwks\\.json", false, this::jwks);
        server.route("GET", "/api/v1/projects-anonymous-users/([^/]+)/\\.well-known/jwks\\.json", false,
                r -> ApiResponse.empty(307).header("Location",
                        "/api/v1/projects/" + r.pathParam(0) + "/.well-known/jwks.json?include_anonymous=true"));
    }

    private ApiResponse jwks(ApiRequest r) {
        JwksFaultState faults = project.faults();
        faults.countRequest();
        long delay = faults.delay().toMillis();
        if (delay > 0) {
            try {
                Thread.sleep(delay);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return ApiResponse.abortConnection();
            }
        }
        switch (faults.mode()) {
            case DOWN:
                return ApiResponse.abortConnection();
            case STATUS:
                return ApiResponse.text(faults.status(), "Emulated JWKS failure (status " + faults.status() + ")");
            case GARBAGE:
                return ApiResponse.raw(200, ApiResponse.JSON, "<html><body>502 Bad Gateway</body></html>{\"keys\":[");
            default:
                break;
        }
        r.allowQuery("include_restricted", "include_anonymous");
        boolean includeRestricted = r.queryFlag("include_restricted");
        boolean includeAnonymous = r.queryFlag("include_anonymous");
        if (!r.pathParam(0).equals(project.projectId())) {
            return ApiResponse.text(404, "Project not found");
        }
        return ApiResponse.json(200, project.keyRing().jwks(includeRestricted, includeAnonymous))
                .cacheControl("public, max-age=" + project.settings().jwksMaxAge().toSeconds());
    }
}
