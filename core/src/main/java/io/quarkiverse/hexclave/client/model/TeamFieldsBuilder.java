package io.quarkiverse.hexclave.client.model;

/**
 * The team fields {@link CreateTeamRequest} and {@link UpdateTeamRequest} share. A field never set is not sent; for a
 * nullable field, {@code null} sends an explicit JSON {@code null}, which clears it.
 *
 * @param <B> the concrete builder
 */
public abstract class TeamFieldsBuilder<B extends TeamFieldsBuilder<B>> extends MetadataFieldsBuilder<B> {

    TeamFieldsBuilder() {
    }

    /** {@code display_name}: not blank (a team always has one). */
    public B displayName(String displayName) {
        return setNonBlank("display_name", displayName, false);
    }
}
