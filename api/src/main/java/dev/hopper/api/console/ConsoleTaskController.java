package dev.hopper.api.console;

import java.io.InputStream;

import dev.hopper.api.redrive.Redrive;
import dev.hopper.api.status.TaskView;
import dev.hopper.core.blob.BlobKeys;
import dev.hopper.core.blob.BlobStore;
import dev.hopper.core.result.ResultStore;
import dev.hopper.core.task.Task;
import dev.hopper.core.task.TaskLifecycle;
import dev.hopper.core.task.TaskQueries;
import dev.hopper.core.task.TaskState;
import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.InputStreamResource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;

/** A task's page: its state and timeline, its result read and drawn, and cancel / redrive. */
@Controller
class ConsoleTaskController {

	private final ConsoleAccess access;

	private final TaskQueries tasks;

	private final TaskLifecycle lifecycle;

	private final Redrive redrive;

	private final ResultStore results;

	private final BlobStore blobs;

	private final JsonMapper json;

	ConsoleTaskController(ConsoleAccess access, TaskQueries tasks, TaskLifecycle lifecycle, Redrive redrive,
			ResultStore results, BlobStore blobs, JsonMapper json) {
		this.access = access;
		this.tasks = tasks;
		this.lifecycle = lifecycle;
		this.redrive = redrive;
		this.results = results;
		this.blobs = blobs;
		this.json = json;
	}

	@GetMapping("/console/tasks/{id}")
	String task(@PathVariable String id, HttpServletRequest request, Model model) {
		ConsoleSession session = this.access.session(request, model);
		Task task = this.access.task(session, id);
		model.addAttribute("task", TaskView.of(task));
		model.addAttribute("tenantId", task.tenantId());
		model.addAttribute("timeline", Timeline.of(task, this.tasks.history(task.id()), session.isOperator()));
		model.addAttribute("live", !task.state().isTerminal());
		model.addAttribute("cancellable", !task.state().isTerminal());
		model.addAttribute("redrivable", task.state() == TaskState.FAILED);
		if (task.state() == TaskState.SUCCEEDED) {
			this.results.find(task.id()).ifPresent((result) -> {
				model.addAttribute("summary", ResultSummary.of(task.type(), result));
				model.addAttribute("curves", ResultCurves.of(task.type(), result));
				model.addAttribute("resultJson", this.json.writerWithDefaultPrettyPrinter().writeValueAsString(result));
				model.addAttribute("overlay", result.containsKey("overlayUrl"));
			});
		}
		return "console/task";
	}

	@PostMapping("/console/tasks/{id}/cancel")
	String cancel(@PathVariable String id, HttpServletRequest request, Model model) {
		Task task = this.access.task(this.access.session(request, model), id);
		this.lifecycle.cancel(task.id());
		return "redirect:/console/tasks/" + task.id();
	}

	@PostMapping("/console/tasks/{id}/redrive")
	String redrive(@PathVariable String id, HttpServletRequest request, Model model) {
		Task task = this.access.task(this.access.session(request, model), id);
		if (task.state() == TaskState.FAILED) {
			this.redrive.task(task);
		}
		return "redirect:/console/tasks/" + task.id();
	}

	@GetMapping("/console/tasks/{id}/overlay")
	ResponseEntity<InputStreamResource> overlay(@PathVariable String id, HttpServletRequest request, Model model) {
		Task task = this.access.task(this.access.session(request, model), id);
		String key = BlobKeys.overlayOf(task);
		if (!this.blobs.exists(key)) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		InputStream png = this.blobs.open(key, 0);
		return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG).body(new InputStreamResource(png));
	}

}
