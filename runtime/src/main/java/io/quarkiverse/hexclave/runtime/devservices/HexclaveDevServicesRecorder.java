package io.quarkiverse.hexclave.runtime.devservices;

import java.util.function.Supplier;

import io.quarkus.runtime.annotations.Recorder;

/**
 * Hands what Dev Services know about the emulator they started to the dev- and test-mode application. Builds values
 * only: no network.
 */
@Recorder
public class HexclaveDevServicesRecorder {

    /** The {@link DevServicesEmulator} bean. */
    public Supplier<DevServicesEmulator> emulator(String apiUrl, String projectId, String publishableClientKey,
            String demoUserId, String demoUserEmail) {
        DevServicesEmulator emulator = new DevServicesEmulator(apiUrl, projectId, publishableClientKey, demoUserId,
                demoUserEmail);
        return () -> emulator;
    }

    /** The {@link DemoTokenLog} settings: the request path of the logged {@code curl} command. */
    public Supplier<DemoTokenLog.Settings> demoTokenLog(String requestPath) {
        DemoTokenLog.Settings settings = new DemoTokenLog.Settings(requestPath);
        return () -> settings;
    }
}
