/**
 * Security annotations shared by the Quarkus extension and the Jakarta EE adapter: per-endpoint grants that admit
 * restricted or anonymous Hexclave users on chosen JAX-RS resource methods.
 */
package io.quarkiverse.hexclave.security;
