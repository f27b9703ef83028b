/** Tasks, their states and the one table of allowed state changes; the task ports in parts: {@link dev.hopper.core.task.TaskLifecycle}, {@link dev.hopper.core.task.TaskQueries}, {@link dev.hopper.core.task.TaskOutbox}, {@link dev.hopper.core.task.WebhookOutbox}. */
@NullMarked
package dev.hopper.core.task;

import org.jspecify.annotations.NullMarked;
