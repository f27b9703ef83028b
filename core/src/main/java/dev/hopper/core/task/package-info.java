/** Tasks, their states and the one table of allowed state changes; the {@link dev.hopper.core.task.TaskStore} port. */
@NullMarked
package dev.hopper.core.task;

import org.jspecify.annotations.NullMarked;
