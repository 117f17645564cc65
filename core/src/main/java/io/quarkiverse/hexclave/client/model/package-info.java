/**
 * Records of the Hexclave client ({@link io.quarkiverse.hexclave.client.model.User},
 * {@link io.quarkiverse.hexclave.client.model.Team}, {@link io.quarkiverse.hexclave.client.model.ApiKey} …) and the
 * request builders that send only what was set ({@link io.quarkiverse.hexclave.client.model.CreateUserRequest},
 * {@link io.quarkiverse.hexclave.client.model.UpdateTeamRequest}, {@link io.quarkiverse.hexclave.client.model.ListTeamsQuery}
 * …). Nothing here prints a token, a password, an API key or an e-mailed code.
 * <p>
 * The types carry no JSON annotations: the client maps Hexclave's snake_case wire names itself, so an application
 * server that scans the deployment sees no Jackson annotation here (WildFly would switch JSON-B off for the whole
 * application on finding one).
 */
package io.quarkiverse.hexclave.client.model;
