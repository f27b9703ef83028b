/** One JVM running the api, the workers and embedded infrastructure. */
@NullMarked
package dev.hopper.standalone;

import org.jspecify.annotations.NullMarked;
