package dev.hopper.standalone;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.hopper.core.task.TaskLifecycle;
import dev.hopper.jobs.audio.engine.SampleEncoding;
import dev.hopper.jobs.audio.engine.WavFixtures;
import dev.hopper.storage.embedded.EmbeddedInfrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console in a real browser (Debian's chromium, headless, through its chromedriver)
 * against standalone on embedded infrastructure. A failing test leaves a screenshot under
 * {@code target/console-screenshots}. Skipped where chromium is not installed, except in CI.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(ConsoleBrowserIntegrationTests.Screenshots.class)
class ConsoleBrowserIntegrationTests {

	private static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");

	private static final File CHROMIUM = new File("/usr/bin/chromium");

	private static final Duration WAIT = Duration.ofSeconds(30);

	private EmbeddedInfrastructure embedded;

	private ConfigurableApplicationContext context;

	private Http http;

	private String base;

	private WebDriver browser;

	@BeforeAll
	void start() throws IOException {
		boolean installed = CHROMEDRIVER.canExecute() && CHROMIUM.canExecute();
		if (!installed && "true".equals(System.getenv("CI"))) {
			throw new IllegalStateException("CI runs the browser tests: .ci/run installs chromium and chromium-driver");
		}
		Assumptions.assumeTrue(installed, "chromium and chromium-driver are not installed");
		this.embedded = HopperStandalone.start(Files.createTempDirectory("hopper-console-it"));
		Map<String, Object> properties = new HashMap<>(this.embedded.properties());
		properties.put("hopper.amqp.namespace", "hopper-console-" + UUID.randomUUID().toString().substring(0, 8));
		properties.putAll(Http.keyProperties());
		properties.put("hopper.metrics.queue-interval", "1s");
		this.context = HopperStandalone.application(properties).run("--server.port=0");
		int port = ((WebServerApplicationContext) this.context).getWebServer().getPort();
		this.http = new Http(port);
		this.base = "http://127.0.0.1:" + port;
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM);
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
				"--disable-sync", "--window-size=1280,900",
				"--user-data-dir=" + Files.createTempDirectory("hopper-chromium"));
		this.browser = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER).build(),
				options);
	}

	@AfterAll
	void stop() {
		if (this.browser != null) {
			this.browser.quit();
		}
		if (this.context != null) {
			this.context.close();
		}
		if (this.embedded != null) {
			this.embedded.close();
		}
	}

	@Test
	void aBadKeyIsRefusedAndNoPageOpensWithoutSigningIn() {
		this.browser.manage().deleteAllCookies();
		this.browser.get(this.base + "/console/tasks");
		assertThat(this.browser.getCurrentUrl()).endsWith("/console/sign-in");

		signIn("hop_not-a-key");

		assertThat(this.browser.findElement(By.cssSelector("[role=alert]")).getText()).contains("not valid");
		assertThat(this.browser.getCurrentUrl()).endsWith("/console/sign-in");
	}

	@Test
	void anUploadMovesToSucceededInTheListWithoutAReloadAndItsPageShowsTheResult() {
		signIn(Http.API_KEY);
		this.browser.get(this.base + "/console/tasks");
		((JavascriptExecutor) this.browser).executeScript("window.hopperSamePage = true;");

		byte[] wav = WavFixtures.sine(SampleEncoding.PCM_S16, 16_000, 1, 1.5, 523.25, 0.4);
		String id = this.http.postMultipart("/api/v1/tasks", Http.parts("type", "audio-features", "file", wav)).json()
			.get("id").asString();

		By state = By.cssSelector("tr[data-task-id='" + id + "'] td.state");
		new WebDriverWait(this.browser, WAIT).until(ExpectedConditions.textToBe(state, "SUCCEEDED"));
		assertThat(((JavascriptExecutor) this.browser).executeScript("return window.hopperSamePage === true;"))
			.as("the list updated in place, without a reload")
			.isEqualTo(true);

		// the live list may swap its rows under the click: find the link again until the click lands
		new WebDriverWait(this.browser, WAIT).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
			.until((driver) -> {
				driver.findElement(By.linkText(id)).click();
				return true;
			});
		new WebDriverWait(this.browser, WAIT).until(ExpectedConditions.presenceOfElementLocated(By.id("result-summary")));
		assertThat(this.browser.findElement(By.id("task-state")).getText()).isEqualTo("SUCCEEDED");
		String summary = this.browser.findElement(By.id("result-summary")).getText();
		assertThat(summary).contains("Duration", "1.50 s", "Integrated loudness", "LUFS", "Key");
		assertThat(this.browser.findElements(By.cssSelector("figure.curve svg polyline"))).as("chroma and MFCC curves")
			.hasSize(2);
		keep("task-succeeded");
	}

	@Test
	void aQueuedTaskIsCancelledFromItsPage() {
		signIn(Http.API_KEY);
		String id = StoredTasks.queued(this.context, Http.TENANT);

		this.browser.get(this.base + "/console/tasks/" + id);
		this.browser.findElement(By.id("cancel")).click();

		new WebDriverWait(this.browser, WAIT).until(ExpectedConditions.textToBe(By.id("task-state"), "CANCELLED"));
		assertThat(this.http.get("/api/v1/tasks/" + id).json().get("state").asString()).isEqualTo("CANCELLED");
	}

	/**
	 * The test plays the worker, so the task runs for as long as the test needs on any
	 * machine: it claims the task, reports progress, sees the cancel the page asked for where
	 * a job sees it (at its next chunk), and stops. A real job stopping is LifecycleScenarios'.
	 */
	@Test
	void aRunningTaskShowsItsProgressAndTimelineAndIsCancelledFromItsPage() {
		signIn(Http.API_KEY);
		String id = StoredTasks.queued(this.context, Http.TENANT);
		TaskLifecycle worker = this.context.getBean(TaskLifecycle.class);
		assertThat(worker.claim(id, "console-test-worker", 3).outcome()).isEqualTo(dev.hopper.core.task.Claim.Outcome.CLAIMED);
		worker.reportProgress(id, new dev.hopper.core.task.Progress(3, 10));

		this.browser.get(this.base + "/console/tasks/" + id);
		assertThat(this.browser.findElement(By.id("task-state")).getText()).isEqualTo("RUNNING");
		assertThat(this.browser.findElement(By.id("timeline")).getText()).contains("Accepted", "Claimed",
				"Last heartbeat").as("a worker is the operators' to know").doesNotContain("console-test-worker");
		assertThat(this.browser.findElement(By.tagName("progress")).getAttribute("value")).isEqualTo("30");
		worker.reportProgress(id, new dev.hopper.core.task.Progress(6, 10));
		new WebDriverWait(this.browser, WAIT).until(ExpectedConditions.attributeToBe(By.tagName("progress"), "value",
				"60"));
		this.browser.findElement(By.id("cancel")).click();

		new WebDriverWait(this.browser, WAIT).until((driver) -> worker.shouldStop(id));
		assertThat(worker.cancelled(id)).isTrue();
		new WebDriverWait(this.browser, WAIT).until(ExpectedConditions.textToBe(By.id("task-state"), "CANCELLED"));
		new WebDriverWait(this.browser, WAIT).until(ExpectedConditions.invisibilityOfElementLocated(By.id("cancel")));
		assertThat(this.browser.findElement(By.id("timeline")).getText()).contains("Cancel requested", "Cancelled");
		keep("task-cancelled");
		assertThat(this.http.get("/api/v1/tasks/" + id + "/history").json().get("events").valueStream()
			.map((event) -> event.get("what").asString())
			.toList()).containsExactly("CLAIMED", "CANCEL_REQUESTED", "CANCELLED");
	}

	@Test
	void theFiltersLiveInTheUrlAndNarrowTheList() {
		signIn(Http.API_KEY);
		String queued = StoredTasks.queued(this.context, Http.TENANT);

		this.browser.get(this.base + "/console/tasks?state=QUEUED&minAttempts=0");
		new org.openqa.selenium.support.ui.Select(this.browser.findElement(By.name("type")))
			.selectByVisibleText("audio-features");
		this.browser.findElement(By.cssSelector("form.filters button")).click();

		new WebDriverWait(this.browser, WAIT).until(ExpectedConditions.urlContains("type=audio-features"));
		assertThat(this.browser.getCurrentUrl()).contains("state=QUEUED", "minAttempts=0");
		assertThat(new org.openqa.selenium.support.ui.Select(this.browser.findElement(By.name("state")))
			.getFirstSelectedOption().getText()).isEqualTo("QUEUED");
		// one snapshot of the rows: the live list may swap them between two reads
		@SuppressWarnings("unchecked")
		List<List<String>> rows = (List<List<String>>) ((JavascriptExecutor) this.browser).executeScript("""
				return Array.from(document.querySelectorAll('#task-rows tr[data-task-id]'))
				  .map(row => [row.getAttribute('data-task-id'), row.querySelector('td.state').textContent.trim()]);""");
		assertThat(rows).isNotEmpty().allSatisfy((row) -> assertThat(row.get(1)).isEqualTo("QUEUED"));
		assertThat(rows).extracting((row) -> row.get(0)).contains(queued);
	}

	@Test
	void theOverviewCountsAndChartsTheLastHour() {
		signIn(Http.API_KEY);
		byte[] wav = WavFixtures.sine(SampleEncoding.PCM_S16, 16_000, 1, 0.5, 440, 0.4);
		String id = this.http.postMultipart("/api/v1/tasks", Http.parts("type", "audio-features", "file", wav)).json()
			.get("id").asString();
		awaitState(id, "SUCCEEDED");

		new WebDriverWait(this.browser, WAIT).until((driver) -> {
			driver.get(this.base + "/console");
			return Long.parseLong(driver.findElement(By.cssSelector("tr[data-type='audio-features'] td.finished"))
				.getText()) >= 1;
		});
		var row = this.browser.findElement(By.cssSelector("tr[data-type='audio-features']"));
		var chart = row.findElement(By.cssSelector("svg.chart"));
		assertThat(chart.getAttribute("role")).isEqualTo("img");
		assertThat(chart.getAttribute("aria-label")).contains("finished in the last hour");
		assertThat(chart.findElements(By.cssSelector("rect.ok"))).as("this minute's success is drawn").isNotEmpty();
		keep("overview");
	}

	@Test
	void everyPageFitsAPhoneAndLabelsItsControls() {
		signIn(Http.ADMIN_KEY);
		String id = StoredTasks.queued(this.context, Http.TENANT);
		Dimension wide = this.browser.manage().window().getSize();
		this.browser.manage().window().setSize(new Dimension(390, 844));
		try {
			for (String page : List.of("/console", "/console/tasks", "/console/tasks/" + id, "/console/queues",
					"/console/workers", "/console/dead-letters")) {
				this.browser.get(this.base + page);
				JavascriptExecutor script = (JavascriptExecutor) this.browser;
				assertThat((Boolean) script.executeScript(
						"return document.documentElement.scrollWidth <= window.innerWidth + 1;"))
					.as("%s scrolls sideways at 390 px", page)
					.isTrue();
				assertThat((Long) script.executeScript("""
						return Array.from(document.querySelectorAll('input:not([type=hidden]), select, button'))
						  .filter(e => !(e.closest('label') || e.getAttribute('aria-label') || (e.id && document.querySelector('label[for="' + e.id + '"]')) || e.textContent.trim()))
						  .length;"""))
					.as("%s has unlabelled controls", page)
					.isZero();
				keep("phone" + page.replace('/', '-'));
			}
		}
		finally {
			this.browser.manage().window().setSize(wide);
		}
	}

	@Test
	void aTenantNeverSeesAnotherTenantsTask() {
		signIn(Http.API_KEY);
		String theirs = StoredTasks.queued(this.context, "someone-else");

		this.browser.get(this.base + "/console/tasks/" + theirs);

		assertThat(this.browser.findElement(By.tagName("h1")).getText()).isEqualTo("Not found");
		this.browser.get(this.base + "/console/tasks");
		assertThat(this.browser.getPageSource()).doesNotContain(theirs);
		this.browser.get(this.base + "/console/queues");
		assertThat(this.browser.findElement(By.tagName("h1")).getText()).as("operators' pages").isEqualTo("Not found");
	}

	@Test
	void theOperatorSeesEveryTenantsTasksQueuesAndWorkers() {
		String theirs = StoredTasks.queued(this.context, "another-tenant");
		signIn(Http.ADMIN_KEY);

		this.browser.get(this.base + "/console/tasks/" + theirs);
		assertThat(this.browser.findElement(By.id("task-state")).getText()).isEqualTo("QUEUED");
		this.browser.get(this.base + "/console/queues");
		assertThat(this.browser.findElement(By.id("queues")).getText()).contains("audio-features", "map-parse");
		this.browser.get(this.base + "/console/dead-letters");
		assertThat(this.browser.findElement(By.tagName("h1")).getText()).isEqualTo("Dead letters");
		new WebDriverWait(this.browser, WAIT).until((driver) -> {
			driver.get(this.base + "/console/workers");
			return driver.findElement(By.id("workers")).getText().contains("live");
		});
	}

	@Test
	void aBatchShowsItsProgressAndItsFailuresRunAgainFromItsPage() {
		byte[] good = WavFixtures.sine(SampleEncoding.PCM_S16, 8_000, 1, 0.3, 440, 0.5);
		byte[] twelveBit = WavFixtures.sine(SampleEncoding.PCM_S16, 8_000, 1, 0.3, 441, 0.5);
		java.nio.ByteBuffer.wrap(twelveBit).order(java.nio.ByteOrder.LITTLE_ENDIAN).putShort(34, (short) 12);
		var batch = this.http.postParts("/api/v1/batches",
				Http.partList("type", "audio-features", "files", good, "files", twelveBit)).json();
		String batchId = batch.get("id").asString();
		String failing = batch.get("taskIds").get(1).asString();
		String firstFinish = awaitState(failing, "FAILED").get("finishedAt").asString();
		awaitState(batch.get("taskIds").get(0).asString(), "SUCCEEDED");
		signIn(Http.API_KEY);

		this.browser.get(this.base + "/console/batches/" + batchId);
		assertThat(this.browser.findElement(By.id("batch-progress")).getAttribute("value")).isEqualTo("100");
		assertThat(this.browser.findElement(By.id("batch-counts")).getText()).contains("SUCCEEDED", "FAILED");
		this.browser.findElement(By.id("redrive-failed")).click();

		// queued again with fresh attempts, it runs (and, the file being what it is, fails) once more
		new WebDriverWait(this.browser, WAIT).until((driver) -> {
			var task = this.http.get("/api/v1/tasks/" + failing).json();
			return "FAILED".equals(task.get("state").asString()) && !firstFinish.equals(task.get("finishedAt").asString());
		});
	}

	private tools.jackson.databind.JsonNode awaitState(String id, String state) {
		tools.jackson.databind.JsonNode[] task = new tools.jackson.databind.JsonNode[1];
		new WebDriverWait(this.browser, WAIT).until((driver) -> {
			task[0] = this.http.get("/api/v1/tasks/" + id).json();
			return state.equals(task[0].get("state").asString());
		});
		return task[0];
	}

	private void signIn(String key) {
		this.browser.manage().deleteAllCookies();
		this.browser.get(this.base + "/console/sign-in");
		this.browser.findElement(By.id("key")).sendKeys(key);
		this.browser.findElement(By.cssSelector("form[action='/console/sign-in'] button")).click();
		// the form's answer has arrived: the overview, or the sign-in page again with its alert
		new WebDriverWait(this.browser, WAIT).until((driver) -> !driver.getCurrentUrl().endsWith("/console/sign-in")
				|| !driver.findElements(By.cssSelector("[role=alert]")).isEmpty());
		assertThat(this.browser.getCurrentUrl()).as("no session id in a URL").doesNotContainIgnoringCase("jsessionid");
	}

	/** Keeps what the browser shows now, under target/console-screenshots, for a person to look at. */
	private void keep(String name) {
		Screenshots.save(this.browser, name);
	}

	/** Keeps what the browser showed when a test failed. */
	static final class Screenshots implements TestWatcher {

		@Override
		public void testFailed(ExtensionContext context, Throwable cause) {
			Object instance = context.getRequiredTestInstance();
			if (instance instanceof ConsoleBrowserIntegrationTests tests && tests.browser != null) {
				save(tests.browser, "failed-" + context.getRequiredTestMethod().getName());
			}
		}

		static void save(WebDriver browser, String name) {
			try {
				Path folder = Files.createDirectories(Path.of("target", "console-screenshots"));
				Files.write(folder.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
			}
			catch (IOException | RuntimeException ex) {
				// a picture is a help, never the test's outcome
			}
		}

	}

}
