package dev.hopper.api.console;

import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.hopper.api.admin.QueueMetrics;
import dev.hopper.api.admin.QueueReport;
import dev.hopper.api.admin.WorkerViews;
import dev.hopper.api.auth.AuthProperties;
import dev.hopper.api.redrive.DeadLetterRedrive;
import dev.hopper.api.redrive.Redrive;
import dev.hopper.api.status.TaskListQuery;
import dev.hopper.api.status.TaskView;
import dev.hopper.api.status.TenantTasks;
import dev.hopper.core.blob.BlobKeys;
import dev.hopper.core.blob.BlobStore;
import dev.hopper.core.result.ResultStore;
import dev.hopper.core.queue.DeadLetterStore;
import dev.hopper.core.task.Batch;
import dev.hopper.core.task.BatchStore;
import dev.hopper.core.task.JobTypes;
import dev.hopper.core.task.Task;
import dev.hopper.core.task.TaskFilter;
import dev.hopper.core.task.TaskLifecycle;
import dev.hopper.core.task.TaskQueries;
import dev.hopper.core.task.TaskState;
import dev.hopper.core.tenant.ApiKey;
import dev.hopper.core.tenant.ApiKeySecrets;
import dev.hopper.core.tenant.ApiKeyStore;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.InputStreamResource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The console's pages. A tenant sees its own tasks; the operator sees every tenant's, and
 * queues and workers besides. Pages read the same ports the API does, with the same rules.
 */
@Controller
class ConsoleController {

	private static final int PAGE = 50;

	private final ApiKeyStore keys;

	private final AuthProperties auth;

	private final TaskQueries tasks;

	private final TaskLifecycle lifecycle;

	private final TenantTasks tenantTasks;

	private final Redrive redrive;

	private final ResultStore results;

	private final BlobStore blobs;

	private final QueueMetrics queues;

	private final WorkerViews workers;

	private final JobTypes types;

	private final BatchStore batches;

	private final DeadLetterStore deadLetters;

	private final DeadLetterRedrive deadLetterRedrive;

	private final JsonMapper json;

	ConsoleController(ApiKeyStore keys, AuthProperties auth, TaskQueries tasks, TaskLifecycle lifecycle,
			TenantTasks tenantTasks, Redrive redrive, ResultStore results, BlobStore blobs, QueueMetrics queues,
			WorkerViews workers, JobTypes types, BatchStore batches, DeadLetterStore deadLetters,
			DeadLetterRedrive deadLetterRedrive,
			JsonMapper json) {
		this.keys = keys;
		this.auth = auth;
		this.tasks = tasks;
		this.lifecycle = lifecycle;
		this.tenantTasks = tenantTasks;
		this.redrive = redrive;
		this.results = results;
		this.blobs = blobs;
		this.queues = queues;
		this.workers = workers;
		this.types = types;
		this.batches = batches;
		this.deadLetters = deadLetters;
		this.deadLetterRedrive = deadLetterRedrive;
		this.json = json;
	}

	@GetMapping("/console/sign-in")
	String signInPage() {
		return "console/sign-in";
	}

	/** The key comes in the form body, never in a URL, and is not kept: only whom it names. */
	@PostMapping("/console/sign-in")
	String signIn(@RequestParam(defaultValue = "") String key, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		String presented = key.strip();
		if (!presented.isEmpty() && presented.equals(this.auth.adminKey())) {
			ConsoleSession.start(request, null);
			return "redirect:/console";
		}
		Optional<ApiKey> found = presented.isEmpty() ? Optional.empty()
				: this.keys.findByHash(ApiKeySecrets.hash(presented)).filter((apiKey) -> !apiKey.isRevoked());
		if (found.isEmpty()) {
			response.setStatus(HttpStatus.UNAUTHORIZED.value());
			model.addAttribute("error", "That key is not valid. Use an API key of your tenant, or the admin key.");
			return "console/sign-in";
		}
		ConsoleSession.start(request, found.get().tenantId());
		return "redirect:/console";
	}

	@PostMapping("/console/sign-out")
	String signOut(HttpServletRequest request) {
		ConsoleSession.end(request);
		return "redirect:/console/sign-in";
	}

	@GetMapping("/console")
	String overview(HttpServletRequest request, Model model) {
		ConsoleSession session = session(request, model);
		model.addAttribute("counts", this.types.all().stream().map((type) -> Map.of("type", type.wireName(),
				"waiting", count(session, type, TaskState.QUEUED), "running", count(session, type, TaskState.RUNNING),
				"failed", count(session, type, TaskState.FAILED))).toList());
		if (session.isOperator()) {
			queues(model);
		}
		return "console/overview";
	}

	@GetMapping("/console/tasks")
	String taskList(@ModelAttribute TaskListQuery query, HttpServletRequest request, Model model) {
		ConsoleSession session = session(request, model);
		model.addAttribute("page", page(session, query));
		model.addAttribute("query", query);
		model.addAttribute("types", this.types.names());
		model.addAttribute("states", TaskState.values());
		model.addAttribute("rowsUrl", "/console/tasks/rows" + queryString(request));
		return "console/tasks";
	}

	/** The list's rows alone: what the page's script fetches to stay current without a reload. */
	@GetMapping("/console/tasks/rows")
	String taskRows(@ModelAttribute TaskListQuery query, HttpServletRequest request, Model model) {
		ConsoleSession session = session(request, model);
		model.addAttribute("page", page(session, query));
		return "console/tasks :: rows";
	}

	@GetMapping("/console/tasks/{id}")
	String task(@PathVariable String id, HttpServletRequest request, Model model) {
		ConsoleSession session = session(request, model);
		Task task = find(session, id);
		model.addAttribute("task", TaskView.of(task));
		model.addAttribute("tenantId", task.tenantId());
		model.addAttribute("cancellable", !task.state().isTerminal());
		model.addAttribute("redrivable", task.state() == TaskState.FAILED);
		if (task.state() == TaskState.SUCCEEDED) {
			this.results.find(task.id()).ifPresent((result) -> {
				model.addAttribute("summary", ResultSummary.of(task.type(), result));
				model.addAttribute("resultJson", this.json.writerWithDefaultPrettyPrinter().writeValueAsString(result));
				model.addAttribute("overlay", result.containsKey("overlayUrl"));
			});
		}
		return "console/task";
	}

	@PostMapping("/console/tasks/{id}/cancel")
	String cancel(@PathVariable String id, HttpServletRequest request, Model model) {
		Task task = find(session(request, model), id);
		this.lifecycle.cancel(task.id());
		return "redirect:/console/tasks/" + task.id();
	}

	@PostMapping("/console/tasks/{id}/redrive")
	String redrive(@PathVariable String id, HttpServletRequest request, Model model) {
		Task task = find(session(request, model), id);
		if (task.state() == TaskState.FAILED) {
			this.redrive.task(task);
		}
		return "redirect:/console/tasks/" + task.id();
	}

	@GetMapping("/console/tasks/{id}/overlay")
	ResponseEntity<InputStreamResource> overlay(@PathVariable String id, HttpServletRequest request, Model model) {
		Task task = find(session(request, model), id);
		String key = BlobKeys.overlayOf(task);
		if (!this.blobs.exists(key)) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		InputStream png = this.blobs.open(key, 0);
		return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG).body(new InputStreamResource(png));
	}

	@GetMapping("/console/batches/{id}")
	String batch(@PathVariable String id, HttpServletRequest request, Model model) {
		ConsoleSession session = session(request, model);
		Batch batch = findBatch(session, id);
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
	String redriveBatch(@PathVariable String id, HttpServletRequest request, Model model) {
		Batch batch = findBatch(session(request, model), id);
		this.redrive.failedTasksOf(batch.id());
		return "redirect:/console/batches/" + batch.id();
	}

	@GetMapping("/console/dead-letters")
	String deadLetters(HttpServletRequest request, Model model) {
		operator(request, model);
		model.addAttribute("deadLetters", this.deadLetters.findPending(null, PAGE));
		return "console/dead-letters";
	}

	@PostMapping("/console/dead-letters/{id}/redrive")
	String redriveDeadLetter(@PathVariable String id, HttpServletRequest request, Model model) {
		operator(request, model);
		this.deadLetterRedrive.redrive(id);
		return "redirect:/console/dead-letters";
	}

	@GetMapping("/console/queues")
	String queues(HttpServletRequest request, Model model) {
		operator(request, model);
		queues(model);
		return "console/queues";
	}

	@GetMapping("/console/workers")
	String workers(HttpServletRequest request, Model model) {
		operator(request, model);
		model.addAttribute("workers", this.workers.all());
		return "console/workers";
	}

	/** A page that is not there, or not this session's to see: the console's own answer, not the API's JSON. */
	@ExceptionHandler(ResponseStatusException.class)
	String notThere(ResponseStatusException ex, HttpServletRequest request, HttpServletResponse response,
			Model model) {
		response.setStatus(ex.getStatusCode().value());
		model.addAttribute("status", ex.getStatusCode().value());
		ConsoleSession session = ConsoleSession.of(request);
		if (session != null) {
			model.addAttribute("console", session);
			model.addAttribute("csrf", session.csrfToken());
		}
		return "console/error";
	}

	@ExceptionHandler(dev.hopper.api.problem.ApiProblem.class)
	String refused(dev.hopper.api.problem.ApiProblem problem, HttpServletRequest request, HttpServletResponse response,
			Model model) {
		model.addAttribute("detail", problem.getMessage());
		return notThere(new ResponseStatusException(problem.status()), request, response, model);
	}

	/** The queues as of the last refresh, with its time, so a stale figure says so. */
	private void queues(Model model) {
		QueueReport.Snapshot snapshot = this.queues.latest();
		model.addAttribute("queues", snapshot.queues());
		model.addAttribute("queuesAsOf", snapshot.asOf());
	}

	private TaskPageView page(ConsoleSession session, TaskListQuery query) {
		TaskFilter filter = query.filter(session.tenantId(), this.types);
		int limit = Math.min(query.limit(), PAGE);
		List<Task> found = this.tasks.search(filter, query.before(), limit + 1);
		String next = (found.size() > limit) ? found.get(limit - 1).id() : null;
		return new TaskPageView(found.stream().limit(limit).map(TaskView::of).toList(), next);
	}

	private long count(ConsoleSession session, dev.hopper.core.task.JobType type, TaskState state) {
		return this.tasks.count(new TaskFilter(session.tenantId(), java.util.Set.of(state), type, null, null, null,
				null, null, null), 100_000);
	}

	/** The batch if this session may see it, else 404. */
	private Batch findBatch(ConsoleSession session, String id) {
		return (dev.hopper.core.TimeOrderedId.isWellFormed(id) ? this.batches.find(id) : Optional.<Batch>empty())
			.filter((batch) -> session.isOperator() || batch.tenantId().equals(session.tenantId()))
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

	/** The task if this session may see it: its tenant's own, or any for the operator; else 404. */
	private Task find(ConsoleSession session, String id) {
		if (session.isOperator()) {
			return this.tasks.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		}
		return this.tenantTasks.find(session.tenant(), id);
	}

	private static ConsoleSession session(HttpServletRequest request, Model model) {
		ConsoleSession session = ConsoleSession.of(request);
		if (session == null) {
			throw new ResponseStatusException(HttpStatus.UNAUTHORIZED);
		}
		model.addAttribute("console", session);
		model.addAttribute("csrf", session.csrfToken());
		return session;
	}

	private static void operator(HttpServletRequest request, Model model) {
		if (!session(request, model).isOperator()) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
	}

	private static String queryString(HttpServletRequest request) {
		return (request.getQueryString() != null) ? "?" + request.getQueryString() : "";
	}

	/**
	 * @param tasks newest first
	 * @param nextPageToken for the next page's link; null on the last
	 */
	public record TaskPageView(List<TaskView> tasks, @Nullable String nextPageToken) {
	}

}
