package io.quarkiverse.hexclave.client;

/** Which Hexclave access type a call uses (wire reference §2.3). */
enum Access {
    /** {@code server}, with the secret server key; refused at call time when none is configured. */
    SERVER,
    /** {@code client}, with the publishable client key when one is configured. */
    CLIENT,
    /** {@code server} when a secret server key is configured, else {@code client} (calls on behalf of a user). */
    SERVER_IF_CONFIGURED
}
