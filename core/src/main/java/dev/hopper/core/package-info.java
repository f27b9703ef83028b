/** Hopper's domain model and ports; no framework code lives here. */
@NullMarked
package dev.hopper.core;

import org.jspecify.annotations.NullMarked;
