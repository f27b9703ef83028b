package dev.hopper.api.admin;

import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.Operation;
import dev.hopper.api.problem.Refusal;
import java.util.List;
import java.util.Map;

import dev.hopper.api.problem.ApiProblem;
import dev.hopper.api.redrive.DeadLetterRedrive;
import dev.hopper.api.status.TaskView;
import dev.hopper.core.TimeOrderedId;
import dev.hopper.core.queue.DeadLetter;
import dev.hopper.core.queue.DeadLetterStore;
import org.jspecify.annotations.Nullable;

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

	private final DeadLetterRedrive redrive;

	DeadLetterAdminController(DeadLetterStore deadLetters, DeadLetterRedrive redrive) {
		this.deadLetters = deadLetters;
		this.redrive = redrive;
	}

	@Operation(summary = "List the dead letters not yet redriven, newest first")
	@ApiResponse(responseCode = "200", description = "A page of dead letters", useReturnTypeSchema = true)
	@Refusal(status = 400, codes = { "invalid_page_size", "invalid_page_token", "invalid_parameter" })
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

	@Operation(summary = "Queue a dead letter's task again, after its cause is fixed")
	@ApiResponse(responseCode = "202", description = "The task, QUEUED again", useReturnTypeSchema = true)
	@Refusal(status = 404, codes = { "dead_letter_not_found" })
	@Refusal(status = 409, codes = { "already_redriven", "cannot_redrive", "task_not_failed" })
	@PostMapping("/{id}/redrive")
	ResponseEntity<TaskView> redrive(@PathVariable String id) {
		return ResponseEntity.accepted().body(TaskView.of(this.redrive.redrive(id)));
	}

}
