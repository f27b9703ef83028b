package dev.hopper.api.admin;

import io.swagger.v3.oas.annotations.responses.ApiResponse;
import dev.hopper.api.problem.Refusal;
import io.swagger.v3.oas.annotations.Operation;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /admin/v1/queues}: each job type's queue, its workers and its scaling signal,
 * as of the last refresh ({@code hopper.metrics.queue-interval}, its time in {@code asOf}),
 * or read now with {@code fresh=true}.
 */
@RestController
class QueueAdminController {

	private final QueueMetrics queues;

	QueueAdminController(QueueMetrics queues) {
		this.queues = queues;
	}

	@Operation(summary = "Each job type's queue: waiting, running, oldest wait, rates, dead letters, workers")
	@ApiResponse(responseCode = "200", description = "Each job type's queue", useReturnTypeSchema = true)
	@Refusal(status = 400, codes = { "invalid_parameter" })
	@GetMapping("/admin/v1/queues")
	QueueReport.Snapshot queues(@RequestParam(defaultValue = "false") boolean fresh) {
		return fresh ? this.queues.fresh() : this.queues.latest();
	}

}
