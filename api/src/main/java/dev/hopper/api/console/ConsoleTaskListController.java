package dev.hopper.api.console;

import dev.hopper.api.status.TaskListQuery;
import dev.hopper.core.task.JobTypes;
import dev.hopper.core.task.TaskState;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** The task list with its filters in the URL, kept current over server-sent events. */
@Controller
class ConsoleTaskListController {

	private final ConsoleAccess access;

	private final ConsoleTaskPages pages;

	private final TaskListStreams streams;

	private final JobTypes types;

	ConsoleTaskListController(ConsoleAccess access, ConsoleTaskPages pages, TaskListStreams streams,
			JobTypes types) {
		this.access = access;
		this.pages = pages;
		this.streams = streams;
		this.types = types;
	}

	@GetMapping("/console/tasks")
	String taskList(@ModelAttribute TaskListQuery query, HttpServletRequest request, Model model) {
		ConsoleSession session = this.access.session(request, model);
		model.addAttribute("page", this.pages.page(session, query));
		model.addAttribute("query", query);
		model.addAttribute("types", this.types.names());
		model.addAttribute("states", TaskState.values());
		String search = (request.getQueryString() != null) ? "?" + request.getQueryString() : "";
		model.addAttribute("streamUrl", "/console/tasks/stream" + search);
		return "console/tasks";
	}

	/** The same list's rows, sent again each time they change. */
	@GetMapping(path = "/console/tasks/stream", produces = "text/event-stream")
	SseEmitter stream(@ModelAttribute TaskListQuery query, HttpServletRequest request, Model model) {
		ConsoleSession session = this.access.session(request, model);
		this.pages.check(session, query); // a bad filter is refused now, not on the stream's first round
		return this.streams.open(request.getSession(false), session, query);
	}

}
