/** The api app: intake, status and results over HTTP. */
@NullMarked
package dev.hopper.api;

import org.jspecify.annotations.NullMarked;
