package dev.hopper.api.console;

import dev.hopper.api.admin.QueueMetrics;
import dev.hopper.api.admin.QueueReport;
import dev.hopper.api.admin.WorkerViews;
import dev.hopper.api.redrive.DeadLetterRedrive;
import dev.hopper.core.queue.DeadLetterStore;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/** The operator's pages: queues, workers and dead letters. A tenant finds none of them. */
@Controller
class ConsoleOperationsController {

	private static final int PAGE = 50;

	private final ConsoleAccess access;

	private final QueueMetrics queues;

	private final WorkerViews workers;

	private final DeadLetterStore deadLetters;

	private final DeadLetterRedrive deadLetterRedrive;

	ConsoleOperationsController(ConsoleAccess access, QueueMetrics queues, WorkerViews workers,
			DeadLetterStore deadLetters, DeadLetterRedrive deadLetterRedrive) {
		this.access = access;
		this.queues = queues;
		this.workers = workers;
		this.deadLetters = deadLetters;
		this.deadLetterRedrive = deadLetterRedrive;
	}

	@GetMapping("/console/queues")
	String queues(HttpServletRequest request, Model model) {
		this.access.operator(request, model);
		QueueReport.Snapshot snapshot = this.queues.latest();
		model.addAttribute("queues", snapshot.queues());
		model.addAttribute("queuesAsOf", snapshot.asOf());
		return "console/queues";
	}

	@GetMapping("/console/workers")
	String workers(HttpServletRequest request, Model model) {
		this.access.operator(request, model);
		model.addAttribute("workers", this.workers.all());
		return "console/workers";
	}

	@GetMapping("/console/dead-letters")
	String deadLetters(HttpServletRequest request, Model model) {
		this.access.operator(request, model);
		model.addAttribute("deadLetters", this.deadLetters.findPending(null, PAGE));
		return "console/dead-letters";
	}

	@PostMapping("/console/dead-letters/{id}/redrive")
	String redriveDeadLetter(@PathVariable String id, HttpServletRequest request, Model model) {
		this.access.operator(request, model);
		this.deadLetterRedrive.redrive(id);
		return "redirect:/console/dead-letters";
	}

}
