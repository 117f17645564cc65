package io.quarkiverse.hexclave.config;

/**
 * Thrown at start-up when the Hexclave configuration is missing or malformed. The message names the key to set.
 */
public class HexclaveConfigException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    public HexclaveConfigException(String message) {
        super(message);
    }
}
