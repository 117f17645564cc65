/**
 * The Hexclave client with Mutiny types ({@link io.quarkiverse.hexclave.runtime.mutiny.MutinyHexclaveClient}), for
 * reactive Quarkus endpoints: {@code Uni} and {@code Multi} forms of the core client's calls that continue on the
 * caller's Vert.x context.
 */
package io.quarkiverse.hexclave.runtime.mutiny;
