package io.quarkiverse.hexclave.deployment.devservices;

import io.quarkus.builder.item.SimpleBuildItem;

/**
 * Produced when Dev Services run the Hexclave emulator for this application: where it is, the publishable client key a
 * frontend uses, and who the demo user is. No secret in it (the publishable key is public by design; the secret server
 * key is not here).
 */
public final class HexclaveDevServicesBuildItem extends SimpleBuildItem {

    private final String apiUrl;
    private final String projectId;
    private final String publishableClientKey;
    private final boolean portFixed;
    private final String demoUserId;
    private final String demoUserEmail;
    private final boolean freshStart;

    HexclaveDevServicesBuildItem(String apiUrl, String projectId, String publishableClientKey, boolean portFixed,
            String demoUserId, String demoUserEmail, boolean freshStart) {
        this.apiUrl = apiUrl;
        this.projectId = projectId;
        this.publishableClientKey = publishableClientKey;
        this.portFixed = portFixed;
        this.demoUserId = demoUserId;
        this.demoUserEmail = demoUserEmail;
        this.freshStart = freshStart;
    }

    /** The emulator's origin, {@code http://127.0.0.1:<port>}. */
    public String apiUrl() {
        return apiUrl;
    }

    /** The emulated project's id. */
    public String projectId() {
        return projectId;
    }

    /** The publishable client key a frontend (the JS SDK) sends; not a secret. */
    public String publishableClientKey() {
        return publishableClientKey;
    }

    /** Whether {@code quarkus.hexclave.devservices.port} fixes the port (otherwise it changes with every start). */
    public boolean portFixed() {
        return portFixed;
    }

    /** The demo user's id. */
    public String demoUserId() {
        return demoUserId;
    }

    /** The demo user's e-mail. */
    public String demoUserEmail() {
        return demoUserEmail;
    }

    /** Whether the emulator was started by this build (not kept from a previous one, as on a live reload). */
    public boolean freshStart() {
        return freshStart;
    }
}
