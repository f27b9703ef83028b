package dev.hopper.api.admin;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /admin/v1/queues}: each job type's queue, its workers and its scaling signal. */
@RestController
class QueueAdminController {

	private final QueueReport report;

	QueueAdminController(QueueReport report) {
		this.report = report;
	}

	@Operation(summary = "Each job type's queue: waiting, running, oldest wait, rates, dead letters, workers")
	@GetMapping("/admin/v1/queues")
	List<QueueReport.QueueView> queues() {
		return this.report.all();
	}

}
