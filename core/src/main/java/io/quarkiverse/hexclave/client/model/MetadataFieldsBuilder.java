package io.quarkiverse.hexclave.client.model;

/**
 * The image and the three metadata fields users and teams share. Metadata values are a {@code JsonNode}, a
 * {@code Map} or any Jackson-serialisable value; {@code null} clears a field.
 *
 * @param <B> the concrete builder
 */
public abstract class MetadataFieldsBuilder<B extends MetadataFieldsBuilder<B>> extends FieldsBuilder<B> {

    MetadataFieldsBuilder() {
    }

    /** {@code profile_image_url}: a URL or a base64 data URL; {@code null} clears it. */
    public B profileImageUrl(String url) {
        return set("profile_image_url", url);
    }

    /** {@code client_metadata}: readable and writable by the client; {@code null} clears it. */
    public B clientMetadata(Object json) {
        return set("client_metadata", json);
    }

    /** {@code client_read_only_metadata}: readable by the client, writable by the server; {@code null} clears it. */
    public B clientReadOnlyMetadata(Object json) {
        return set("client_read_only_metadata", json);
    }

    /** {@code server_metadata}: server only; {@code null} clears it. */
    public B serverMetadata(Object json) {
        return set("server_metadata", json);
    }
}
