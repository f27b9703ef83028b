package dev.hopper.api.admin;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.ToDoubleFunction;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;

/**
 * The queue report refreshed on a schedule, so neither a scrape nor an operator's page
 * queries the stores: as gauges on {@code /actuator/prometheus} (per job type, messages
 * ready, tasks running, the oldest wait, live workers, their capacity, and
 * {@code hopper_scaling_desired_workers}, the one signal an autoscaler reads), and as the
 * latest snapshot, which says how old it is.
 */
public class QueueMetrics {

	private static final Logger logger = LoggerFactory.getLogger(QueueMetrics.class);

	private final QueueReport report;

	private final MeterRegistry meters;

	private final Map<String, AtomicReference<QueueReport.QueueView>> latest = new ConcurrentHashMap<>();

	private final AtomicReference<QueueReport.Snapshot> snapshot = new AtomicReference<>();

	QueueMetrics(QueueReport report, MeterRegistry meters) {
		this.report = report;
		this.meters = meters;
	}

	@Scheduled(fixedDelayString = "${hopper.metrics.queue-interval:15s}", initialDelay = 0)
	void refresh() {
		try {
			fresh();
		}
		catch (RuntimeException ex) {
			logger.warn("Could not refresh the queue gauges; they keep their last figures: {}", ex.getMessage());
		}
	}

	/** The report as of the last refresh, computed now if there has been none. */
	public QueueReport.Snapshot latest() {
		QueueReport.Snapshot last = this.snapshot.get();
		return (last != null) ? last : fresh();
	}

	/** The report computed now; the gauges and the snapshot follow it. */
	public QueueReport.Snapshot fresh() {
		QueueReport.Snapshot now = this.report.snapshot();
		for (QueueReport.QueueView view : now.queues()) {
			this.latest.computeIfAbsent(view.type(), this::register).set(view);
		}
		this.snapshot.set(now);
		return now;
	}

	private AtomicReference<QueueReport.QueueView> register(String type) {
		AtomicReference<QueueReport.QueueView> view = new AtomicReference<>();
		gauge("hopper.queue.ready", "Task messages waiting on the broker", type, view,
				(v) -> (v.ready() != null) ? v.ready() : Double.NaN);
		gauge("hopper.queue.running", "Tasks running now", type, view, QueueReport.QueueView::running);
		gauge("hopper.queue.oldest.wait", "Seconds the longest-waiting task has waited (0: none waiting)", type, view,
				(v) -> (v.oldestWaitSeconds() != null) ? v.oldestWaitSeconds() : 0);
		gauge("hopper.queue.dead.letters", "Dead letters waiting for an operator", type, view,
				QueueReport.QueueView::deadLetters);
		gauge("hopper.workers.live", "Worker processes consuming this type that beat lately", type, view,
				QueueReport.QueueView::liveWorkers);
		gauge("hopper.workers.capacity", "Tasks the live workers can run at once", type, view,
				QueueReport.QueueView::capacity);
		gauge("hopper.scaling.desired.workers",
				"Workers that would run every waiting and running task at once: the scaling signal", type, view,
				QueueReport.QueueView::desiredWorkers);
		return view;
	}

	private void gauge(String name, String description, String type, AtomicReference<QueueReport.QueueView> view,
			ToDoubleFunction<QueueReport.QueueView> value) {
		Gauge.builder(name, view, (ref) -> (ref.get() != null) ? value.applyAsDouble(ref.get()) : Double.NaN)
			.description(description)
			.tag("type", type)
			.register(this.meters);
	}

}
