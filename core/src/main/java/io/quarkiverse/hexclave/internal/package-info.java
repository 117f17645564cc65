/**
 * Not API: code shared by several packages of core. May change in any release.
 */
package io.quarkiverse.hexclave.internal;
