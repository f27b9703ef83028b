package dev.hopper.api.admin;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import dev.hopper.api.redrive.Redrive;
import dev.hopper.api.problem.ApiProblem;
import dev.hopper.api.status.TaskView;
import dev.hopper.core.TimeOrderedId;
import dev.hopper.core.queue.DeadLetter;
import dev.hopper.core.queue.DeadLetterStore;
import dev.hopper.core.task.Task;
import dev.hopper.core.task.TaskState;
import dev.hopper.core.task.TaskQueries;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Operators list the dead letters not yet dealt with (newest first) and, once the cause is
 * fixed, redrive one: its FAILED task goes back to the queue with fresh attempts.
 */
@RestController
@RequestMapping("/admin/v1/dead-letters")
class DeadLetterAdminController {

	private static final int MAX_PAGE = 500;

	private final DeadLetterStore deadLetters;

	private final TaskQueries tasks;

	private final Redrive redrive;

	private final Clock clock;

	DeadLetterAdminController(DeadLetterStore deadLetters, TaskQueries tasks, Redrive redrive, Clock clock) {
		this.deadLetters = deadLetters;
		this.tasks = tasks;
		this.redrive = redrive;
		this.clock = clock;
	}

	@GetMapping
	Map<String, Object> list(@RequestParam(defaultValue = "100") int limit,
			@RequestParam(required = false) @Nullable String before) {
		if (limit < 1 || limit > MAX_PAGE) {
			throw ApiProblem.badRequest("invalid_page_size", "limit is from 1 to " + MAX_PAGE);
		}
		if (before != null && !TimeOrderedId.isWellFormed(before)) {
			throw ApiProblem.badRequest("invalid_page_token", "before is the id of a listed dead letter");
		}
		List<DeadLetter> page = this.deadLetters.findPending(before, limit);
		String next = (page.size() == limit) ? page.get(page.size() - 1).id() : null;
		return (next != null) ? Map.of("deadLetters", page, "next", next) : Map.of("deadLetters", page);
	}

	@PostMapping("/{id}/redrive")
	ResponseEntity<TaskView> redrive(@PathVariable String id) {
		DeadLetter deadLetter = (TimeOrderedId.isWellFormed(id) ? this.deadLetters.find(id) : java.util.Optional
			.<DeadLetter>empty()).orElseThrow(() -> ApiProblem.notFound("dead_letter_not_found", "No dead letter " + id));
		if (deadLetter.redrivenAt() != null) {
			throw new ApiProblem(HttpStatus.CONFLICT, "already_redriven", "It was redriven at " + deadLetter.redrivenAt());
		}
		Task task = (deadLetter.taskId() == null) ? null : this.tasks.find(deadLetter.taskId()).orElse(null);
		if (task == null) {
			throw new ApiProblem(HttpStatus.CONFLICT, "cannot_redrive",
					"The message named no task that exists (" + deadLetter.code() + "); there is nothing to run");
		}
		if (task.state() != TaskState.FAILED || !this.redrive.task(task)) {
			throw new ApiProblem(HttpStatus.CONFLICT, "task_not_failed", "Task " + task.id() + " is " + task.state());
		}
		this.deadLetters.markRedriven(id, this.clock.instant());
		return ResponseEntity.accepted().body(TaskView.of(this.tasks.find(task.id()).orElse(task)));
	}

}
