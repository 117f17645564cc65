package io.quarkiverse.hexclave.runtime.mutiny;

import io.quarkiverse.hexclave.client.ProjectsApi;
import io.quarkiverse.hexclave.client.model.Project;
import io.smallrye.mutiny.Uni;

/**
 * The current project with Mutiny: each method is the {@code …Async} method of the same name in {@link ProjectsApi}
 * as a {@code Uni}, which calls Hexclave on subscription (again on each) and emits on the subscriber's Vert.x
 * context (see {@link MutinyHexclaveClient}). Same errors as the core, in the {@code Uni}'s failure.
 */
public final class MutinyProjectsApi {

    private final ProjectsApi api;

    MutinyProjectsApi(ProjectsApi api) {
        this.api = api;
    }

    /** The current project ({@code GET /projects/current}). */
    public Uni<Project> current() {
        return CallerContext.uni(() -> api.currentAsync());
    }
}
