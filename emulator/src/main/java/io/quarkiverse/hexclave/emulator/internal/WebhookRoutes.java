package io.quarkiverse.hexclave.emulator.internal;

/**
 * {@code PUT /emulator/webhook-endpoints} (server access, emulator only, not a Hexclave route): makes
 * {@code {"url": …}} the one endpoint that receives the project's webhook events. Dev Services call it from the
 * application once its HTTP port is known.
 */
final class WebhookRoutes {

    private final EmulatedProject project;

    WebhookRoutes(EmulatedProject project) {
        this.project = project;
    }

    void register(ApiServer server) {
        server.route("PUT", "/emulator/webhook-endpoints", true, this::replace);
    }

    private ApiResponse replace(ApiRequest r) {
        r.requireAccess("server");
        r.allowQuery();
        String url = r.body(true, "url").requireUrl("url");
        project.webhooks().replaceEndpoints(java.util.List.of(url));
        return ApiResponse.json(200, Json.object().put("url", url));
    }
}
