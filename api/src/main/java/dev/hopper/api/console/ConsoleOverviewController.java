package dev.hopper.api.console;

import dev.hopper.api.admin.QueueMetrics;
import dev.hopper.api.admin.QueueReport;
import dev.hopper.core.task.JobTypes;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The overview: per type, what waits and runs, and the last hour's finishes, from the last census. */
@Controller
class ConsoleOverviewController {

	private final ConsoleAccess access;

	private final QueueMetrics queues;

	private final JobTypes types;

	ConsoleOverviewController(ConsoleAccess access, QueueMetrics queues, JobTypes types) {
		this.access = access;
		this.queues = queues;
		this.types = types;
	}

	@GetMapping("/console")
	String overview(HttpServletRequest request, Model model) {
		ConsoleSession session = this.access.session(request, model);
		QueueReport.Snapshot snapshot = this.queues.latest();
		model.addAttribute("overview", Overview.of(snapshot,
				this.types.all(), session.tenantId()));
		model.addAttribute("asOf", snapshot.asOf().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
		if (session.isOperator()) {
			model.addAttribute("queues", snapshot.queues());
			model.addAttribute("queuesAsOf", snapshot.asOf());
		}
		return "console/overview";
	}

}
