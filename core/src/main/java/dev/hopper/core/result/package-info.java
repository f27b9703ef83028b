/** The {@link dev.hopper.core.result.ResultStore} port: one result document per task, written once. */
@NullMarked
package dev.hopper.core.result;

import org.jspecify.annotations.NullMarked;
