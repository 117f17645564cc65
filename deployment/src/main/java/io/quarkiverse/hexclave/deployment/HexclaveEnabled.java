package io.quarkiverse.hexclave.deployment;

import java.util.function.BooleanSupplier;

/** Build steps that run only when {@code quarkus.hexclave.enabled} is {@code true} (the default). */
public class HexclaveEnabled implements BooleanSupplier {

    private final HexclaveBuildTimeConfig config;

    HexclaveEnabled(HexclaveBuildTimeConfig config) {
        this.config = config;
    }

    @Override
    public boolean getAsBoolean() {
        return config.enabled();
    }
}
