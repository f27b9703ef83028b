/** Adapters for the core ports; {@link dev.hopper.storage.StorageConfiguration} wires them. */
@NullMarked
package dev.hopper.storage;

import org.jspecify.annotations.NullMarked;
