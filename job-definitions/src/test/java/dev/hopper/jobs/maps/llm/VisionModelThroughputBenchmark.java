package dev.hopper.jobs.maps.llm;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import dev.hopper.core.admission.RateLimiter;
import dev.hopper.jobs.maps.MapJobProperties;
import dev.hopper.storage.embedded.EmbeddedRedis;
import dev.hopper.storage.redis.RedisConfiguration;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Throughput of the vision-LLM path against the loopback model server answering with a set
 * latency, with the allowance counted in (embedded) Redis and shared by several worker
 * clients. The expectation is min(rate limit, total concurrency ÷ latency), with the
 * latency of one request alone measured first in the same run as the baseline. Run by
 * tools/benchmarks/model-throughput.
 */
public final class VisionModelThroughputBenchmark {

	private static final String ANSWER = "{\"levels\": [{\"id\": \"L1\", \"slots\": [{\"id\": \"A01\", \"type\": \"regular\", "
			+ "\"polygon\": [{\"x\": 10, \"y\": 10}, {\"x\": 40, \"y\": 10}, {\"x\": 40, \"y\": 70}, {\"x\": 10, \"y\": 70}]}], "
			+ "\"laneNodes\": [], \"laneEdges\": [], \"entrances\": []}]}";

	private VisionModelThroughputBenchmark() {
	}

	record Case(int workers, int concurrencyPerWorker, int requestsPerSecond) {
	}

	public static void main(String[] args) throws Exception {
		int seconds = (args.length > 0) ? Integer.parseInt(args[0]) : 20;
		Duration latency = Duration.ofMillis((args.length > 1) ? Integer.parseInt(args[1]) : 500);
		EmbeddedRedis redis = new EmbeddedRedis(Files.createTempDirectory("hopper-bench-redis"));
		redis.start();
		try (redis; LoopbackModelServer server = new LoopbackModelServer();
				ConfigurableApplicationContext context = redisContext(redis.address())) {
			RateLimiter allowances = context.getBean(RateLimiter.class);
			server.answerPlansWith(ANSWER);
			server.latency(latency);
			BufferedImage image = new BufferedImage(256, 256, BufferedImage.TYPE_INT_RGB);
			VisionModel alone = model(server, "bench-alone", 1_000_000, allowances);
			for (int i = 0; i < 20; i++) {
				alone.ask(Prompts.PLAN, image, PlanAnswer.class);
			}
			List<Long> single = new ArrayList<>();
			for (int i = 0; i < 20; i++) {
				long start = System.nanoTime();
				alone.ask(Prompts.PLAN, image, PlanAnswer.class);
				single.add(System.nanoTime() - start);
			}
			Collections.sort(single);
			double baseline = single.get(single.size() / 2) / 1e9;
			System.out.printf("Loopback latency set to %d ms; one request alone (baseline) p50 %.0f ms; %d s per case%n%n",
					latency.toMillis(), baseline * 1000, seconds);
			System.out.println("| workers × concurrency | rate limit | concurrency ÷ latency | expected | measured | "
					+ "measured ÷ expected | request p50 | p95 | p99 | heap used |");
			System.out.println("|---|---|---|---|---|---|---|---|---|---|");
			List<Case> cases = List.of(new Case(2, 2, 20), new Case(2, 4, 5), new Case(2, 5, 10), new Case(4, 4, 30));
			for (int c = 0; c < cases.size(); c++) {
				run(cases.get(c), "bench-" + c + "-" + System.nanoTime(), seconds, baseline, server, image, allowances);
			}
		}
	}

	private static void run(Case test, String name, int seconds, double baseline, LoopbackModelServer server,
			BufferedImage image, RateLimiter allowances) throws InterruptedException {
		int concurrency = test.workers() * test.concurrencyPerWorker();
		double expected = Math.min(test.requestsPerSecond(), concurrency / baseline);
		long warmUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
		long end = warmUntil + TimeUnit.SECONDS.toNanos(seconds);
		AtomicLong counted = new AtomicLong();
		List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
		List<ExecutorService> pools = new ArrayList<>();
		for (int w = 0; w < test.workers(); w++) {
			VisionModel worker = model(server, name, test.requestsPerSecond() * 60, allowances);
			ExecutorService pool = Executors.newFixedThreadPool(test.concurrencyPerWorker());
			pools.add(pool);
			for (int t = 0; t < test.concurrencyPerWorker(); t++) {
				pool.execute(() -> {
					while (System.nanoTime() < end) {
						long start = System.nanoTime();
						worker.ask(Prompts.PLAN, image, PlanAnswer.class);
						long done = System.nanoTime();
						// throughput is completions within the window, whenever they started
						if (done >= warmUntil && done <= end) {
							counted.incrementAndGet();
							latencies.add(done - start);
						}
					}
				});
			}
		}
		for (ExecutorService pool : pools) {
			pool.shutdown();
			pool.awaitTermination(seconds + 60, TimeUnit.SECONDS);
		}
		double measured = counted.get() / (double) seconds;
		List<Long> sorted = new ArrayList<>(latencies);
		Collections.sort(sorted);
		Runtime runtime = Runtime.getRuntime();
		System.out.printf("| %d × %d | %d/s | %.1f/s | %.1f/s | %.2f/s | %.3f | %.0f ms | %.0f ms | %.0f ms | %d MiB |%n",
				test.workers(), test.concurrencyPerWorker(), test.requestsPerSecond(), concurrency / baseline, expected,
				measured, measured / expected, percentile(sorted, 0.50), percentile(sorted, 0.95),
				percentile(sorted, 0.99), (runtime.totalMemory() - runtime.freeMemory()) >> 20);
	}

	private static double percentile(List<Long> sorted, double p) {
		return sorted.isEmpty() ? 0 : sorted.get((int) Math.min(sorted.size() - 1, Math.floor(p * sorted.size()))) / 1e6;
	}

	/** One worker's client: its own HTTP connection pool, the shared allowance in Redis. */
	private static VisionModel model(LoopbackModelServer server, String name, int requestsPerMinute,
			RateLimiter allowances) {
		return new VisionModel(new MapJobProperties.Model(name, server.baseUrl(), "bench", Duration.ofSeconds(30), 3,
				requestsPerMinute, 1_000_000_000L, Duration.ofSeconds(1), Duration.ofMinutes(5), 2048, 4000,
				Duration.ofMillis(100)), allowances, new SimpleMeterRegistry());
	}

	private static ConfigurableApplicationContext redisContext(String address) {
		SpringApplication application = new SpringApplication(RedisConfiguration.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		application.setDefaultProperties(java.util.Map.of("hopper.redis.address", address));
		return application.run();
	}

}
