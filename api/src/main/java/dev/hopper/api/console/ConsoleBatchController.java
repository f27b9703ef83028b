package dev.hopper.api.console;

import java.util.Map;

import dev.hopper.api.redrive.Redrive;
import dev.hopper.api.status.TaskView;
import dev.hopper.core.task.Batch;
import dev.hopper.core.task.TaskQueries;
import dev.hopper.core.task.TaskState;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/** A batch's page: its progress, counts per state, its first tasks, and "redrive failed". */
@Controller
class ConsoleBatchController {

	private static final int PAGE = 50;

	private final ConsoleAccess access;

	private final TaskQueries tasks;

	private final Redrive redrive;

	ConsoleBatchController(ConsoleAccess access, TaskQueries tasks, Redrive redrive) {
		this.access = access;
		this.tasks = tasks;
		this.redrive = redrive;
	}

	@GetMapping("/console/batches/{id}")
	String batch(@PathVariable String id, HttpServletRequest request, Model model) {
		Batch batch = this.access.batch(this.access.session(request, model), id);
		Map<TaskState, Long> counts = this.tasks.countByState(batch.id());
		long total = counts.values().stream().mapToLong(Long::longValue).sum();
		long finished = counts.entrySet().stream().filter((entry) -> entry.getKey().isTerminal())
			.mapToLong(Map.Entry::getValue).sum();
		model.addAttribute("batch", batch);
		model.addAttribute("counts", counts);
		model.addAttribute("total", total);
		model.addAttribute("percent", (total == 0) ? 0 : (int) (finished * 100 / total));
		model.addAttribute("failed", counts.getOrDefault(TaskState.FAILED, 0L));
		model.addAttribute("tasks", this.tasks.findInBatch(batch.id(), null, PAGE).stream().map(TaskView::of).toList());
		return "console/batch";
	}

	@PostMapping("/console/batches/{id}/redrive")
	String redriveFailed(@PathVariable String id, HttpServletRequest request, Model model) {
		Batch batch = this.access.batch(this.access.session(request, model), id);
		this.redrive.failedTasksOf(batch.id());
		return "redirect:/console/batches/" + batch.id();
	}

}
