/**
 * Portable CDI types shared by the Quarkus extension and the Jakarta EE adapter. The core ships no
 * {@code beans.xml}: each adapter registers the beans it wants.
 */
package io.quarkiverse.hexclave.cdi;
