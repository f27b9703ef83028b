/**
 * Tenants and the API keys that identify them. Keys are stored only as hashes.
 */
@NullMarked
package dev.hopper.core.tenant;

import org.jspecify.annotations.NullMarked;
