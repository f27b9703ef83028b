package dev.hopper.workers.batch;

import java.util.concurrent.Callable;

import org.springframework.aop.TargetSource;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.batch.core.repository.JobRepository;

/**
 * Job runs whose record is kept in memory, not in the job repository in MongoDB. A task small
 * enough that resuming it from a chunk would save nothing (see
 * {@code hopper.worker.resumable-from}) runs this way: its record cost 45 of its 63 store
 * commands (issue 17), and a run that dies is simply run again from its start. Jobs and
 * steps are built with one repository, {@link #routing}: on a thread inside {@link #run} it
 * is that run's {@link TransientJobRepository}, elsewhere MongoDB's. That holds because a
 * job runs entirely on the thread that starts it (the job operator's executor is synchronous,
 * and no step has an executor of its own).
 */
public final class TransientRuns {

	private static final ThreadLocal<JobRepository> CURRENT = new ThreadLocal<>();

	private TransientRuns() {
	}

	/** Runs {@code start} (a job's launch) with its job's record in memory. */
	public static <T> T run(Callable<T> start) throws Exception {
		if (CURRENT.get() != null) {
			throw new IllegalStateException("A transient run is already in progress on this thread");
		}
		CURRENT.set(new TransientJobRepository());
		try {
			return start.call();
		}
		finally {
			CURRENT.remove();
		}
	}

	/** The repository jobs are built with: this thread's transient record, or {@code durable}. */
	static JobRepository routing(JobRepository durable) {
		ProxyFactory proxy = new ProxyFactory();
		proxy.addInterface(JobRepository.class);
		proxy.setTargetSource(new TargetSource() {

			@Override
			public Class<?> getTargetClass() {
				return JobRepository.class;
			}

			@Override
			public Object getTarget() {
				JobRepository current = CURRENT.get();
				return (current != null) ? current : durable;
			}

		});
		return (JobRepository) proxy.getProxy();
	}

}
