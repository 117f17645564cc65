/**
 * Records of the Hexclave client ({@link io.quarkiverse.hexclave.client.model.User},
 * {@link io.quarkiverse.hexclave.client.model.Session} …) and the request builders that send only what was set
 * ({@link io.quarkiverse.hexclave.client.model.CreateUserRequest}, {@link io.quarkiverse.hexclave.client.model.UpdateUserRequest},
 * {@link io.quarkiverse.hexclave.client.model.ListUsersQuery} …). Nothing here prints a token or a password.
 */
package io.quarkiverse.hexclave.client.model;
