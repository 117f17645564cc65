/**
 * Browser-confirmed login for command-line programs ({@link io.quarkiverse.hexclave.cli.HexclaveCliLogin}) and an
 * owner-only file store for the resulting refresh token ({@link io.quarkiverse.hexclave.cli.FileRefreshTokenStore}).
 */
package io.quarkiverse.hexclave.cli;
