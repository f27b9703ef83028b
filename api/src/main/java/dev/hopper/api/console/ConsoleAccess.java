package dev.hopper.api.console;

import java.util.Optional;

import dev.hopper.api.status.TenantTasks;
import dev.hopper.core.TimeOrderedId;
import dev.hopper.core.task.Batch;
import dev.hopper.core.task.BatchStore;
import dev.hopper.core.task.Task;
import dev.hopper.core.task.TaskQueries;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.web.server.ResponseStatusException;

/**
 * Who a console request is and what it may see: a tenant its own tasks and batches, the
 * operator everything. What a session may not see is not there (404), as in the API.
 */
@Component
class ConsoleAccess {

	private final TaskQueries tasks;

	private final TenantTasks tenantTasks;

	private final BatchStore batches;

	ConsoleAccess(TaskQueries tasks, TenantTasks tenantTasks, BatchStore batches) {
		this.tasks = tasks;
		this.tenantTasks = tenantTasks;
		this.batches = batches;
	}

	/** The signed-in session, put in the model for the page's header and forms. */
	ConsoleSession session(HttpServletRequest request, Model model) {
		ConsoleSession session = ConsoleSession.of(request);
		if (session == null) {
			throw new ResponseStatusException(HttpStatus.UNAUTHORIZED);
		}
		model.addAttribute("console", session);
		model.addAttribute("csrf", session.csrfToken());
		return session;
	}

	/** As {@link #session}, for the operator's pages: a tenant finds nothing there. */
	ConsoleSession operator(HttpServletRequest request, Model model) {
		ConsoleSession session = session(request, model);
		if (!session.isOperator()) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		return session;
	}

	/** The task if this session may see it: its tenant's own, or any for the operator; else 404. */
	Task task(ConsoleSession session, String id) {
		if (session.isOperator()) {
			return this.tasks.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		}
		return this.tenantTasks.find(session.tenant(), id);
	}

	/** The batch if this session may see it, else 404. */
	Batch batch(ConsoleSession session, String id) {
		return (TimeOrderedId.isWellFormed(id) ? this.batches.find(id) : Optional.<Batch>empty())
			.filter((batch) -> session.isOperator() || batch.tenantId().equals(session.tenantId()))
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

}
