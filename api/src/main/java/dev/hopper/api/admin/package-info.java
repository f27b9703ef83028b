/** Operator endpoints under {@code /admin/v1} (guarded by the admin key): dead letters. */
@NullMarked
package dev.hopper.api.admin;

import org.jspecify.annotations.NullMarked;
