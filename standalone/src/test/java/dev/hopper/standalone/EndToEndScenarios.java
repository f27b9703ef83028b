package dev.hopper.standalone;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.hopper.standalone.bytecount.ByteCountJobType;
import dev.hopper.storage.amqp.QueueTopology;
import dev.hopper.workers.TaskListeners;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

import org.springframework.amqp.core.Declarable;
import org.springframework.amqp.core.Exchange;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.within;

/**
 * The whole path, upload to result, through HTTP, the broker, a worker and the stores,
 * against whatever infrastructure a subclass provides: one Hopper per infrastructure runs
 * every feature's scenarios. Every subclass passes the same assertions, as every adapter must.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class EndToEndScenarios implements IntakeScenarios, BatchScenarios, ClientScenarios, LifecycleScenarios, PushScenarios,
		FaultScenarios, MapScenarios, TaskListScenarios, OperatorScenarios, RetentionScenarios {

	private ConfigurableApplicationContext context;

	private Http http;

	/** A tenant with a small intake quota; its own name each run, so limits never carry over. */
	private final String burstTenant = "burst-" + UUID.randomUUID().toString().substring(0, 8);

	private final String expiringTenant = "expiring-" + UUID.randomUUID().toString().substring(0, 8);

	/** Where the infrastructure is, as Spring properties; called once before the app starts. */
	protected abstract Map<String, Object> infrastructure() throws Exception;

	/** Stops what {@link #infrastructure()} started. */
	protected abstract void stopInfrastructure();

	@BeforeAll
	void startHopper() throws Exception {
		Map<String, Object> properties = new HashMap<>(infrastructure());
		properties.put("hopper.amqp.namespace", "hopper-it-" + UUID.randomUUID().toString().substring(0, 8));
		properties.put("hopper.worker.max-attempts", 3);
		properties.putAll(QuickRecovery.properties());
		properties.put("hopper.worker.retry-backoff", "300ms");
		properties.put("hopper.webhooks.signing-key", "test-signing-key");
		properties.put("hopper.webhooks.allow-private-addresses", true);
		properties.put("hopper.webhooks.interval", "200ms");
		properties.put("hopper.jobs.audio.segment-frames", 8192);
		properties.put("hopper.jobs.audio.segments-per-chunk", 4);
		properties.put("hopper.intake.max-file-size", MAX_FILE_SIZE);
		properties.putAll(Http.keyProperties());
		properties.put("hopper.admission.tenant-intake-per-minute[" + this.burstTenant + "]", 5);
		properties.put("hopper.admission.max-backlog[audio-features]", 20);
		properties.put("hopper.retention.tenants[" + this.expiringTenant + "]", RetentionScenarios.KEPT);
		properties.put("hopper.retention.interval", "1s");
		// a command-line argument, so it wins over the port in hopper-standalone.yml
		SpringApplication application = HopperStandalone.application(properties);
		// a job type that exists only in test sources, registered as the job-type guide says
		application.addPrimarySources(List.of(ByteCountJobType.class));
		this.context = application.run("--server.port=0");
		this.http = new Http(((WebServerApplicationContext) this.context).getWebServer().getPort());
	}

	@AfterAll
	void stopHopper() {
		try {
			if (this.context != null) {
				// after every scenario: each problem they met is one the OpenAPI document lists
				List<String> undocumented = DocumentedProblems.missing(
						this.http.withKey(null).get("/v3/api-docs").json(), Http.PROBLEMS);
				org.assertj.core.api.Assertions.assertThat(undocumented)
					.as("problems answered but not in the OpenAPI document")
					.isEmpty();
			}
		}
		finally {
			stop();
		}
	}

	private void stop() {
		if (this.context != null) {
			RabbitAdmin admin = new RabbitAdmin(this.context.getBean(RabbitTemplate.class));
			QueueTopology topology = this.context.getBean(QueueTopology.class);
			this.context.getBean(TaskListeners.class).stop();
			// leave a shared broker as it was
			for (Declarable declarable : topology.declarables()) {
				if (declarable instanceof Queue queue) {
					admin.deleteQueue(queue.getName());
				}
				else if (declarable instanceof Exchange exchange) {
					admin.deleteExchange(exchange.getName());
				}
			}
			this.context.close();
		}
		stopInfrastructure();
	}

	@Override
	public ConfigurableApplicationContext context() {
		return this.context;
	}

	@Override
	public Http http() {
		return this.http;
	}

	@Override
	public String burstTenant() {
		return this.burstTenant;
	}

	@Override
	public String expiringTenant() {
		return this.expiringTenant;
	}

}
