package dev.hopper.workers;

import java.io.IOException;
import java.util.List;

import dev.hopper.core.HopperFailure;
import dev.hopper.core.task.TaskError;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import org.redisson.client.RedisConnectionException;
import org.redisson.client.RedisTimeoutException;

import org.springframework.amqp.AmqpIOException;
import org.springframework.batch.core.job.JobInterruptedException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;

/**
 * Why a job did not finish, classified honestly: only a declared transient cause is
 * retried; a bug (a {@link NullPointerException}, an {@link IllegalStateException}) would
 * meet every attempt again, so it fails the task at once as {@code internal_error}.
 *
 * @param kind what to do about it
 * @param error what the task records
 * @param cause the exception it was read from
 */
record JobFailure(Kind kind, TaskError error, Throwable cause) {

	static final String INTERNAL_ERROR = "internal_error";

	/** Infrastructure that was away or slow: another attempt may find it back. */
	private static final List<Class<? extends Throwable>> TRANSIENT_CAUSES = List.of(
			TransientDataAccessException.class, DataAccessResourceFailureException.class,
			RecoverableDataAccessException.class, RedisConnectionException.class, RedisTimeoutException.class,
			AmqpIOException.class, MongoSocketException.class, MongoTimeoutException.class, IOException.class, InterruptedException.class, JobInterruptedException.class);

	enum Kind {

		/** Retry later, up to the task's attempts. */
		TRANSIENT,

		/** The input is at fault: fail the task with the failure's own code. */
		PERMANENT,

		/** Hopper is at fault: fail the task as {@code internal_error} and tell operators. */
		INTERNAL

	}

	static JobFailure of(Throwable thrown) {
		for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
			if (cause instanceof HopperFailure failure) {
				return new JobFailure(failure.isTransient() ? Kind.TRANSIENT : Kind.PERMANENT, TaskError.of(failure),
						thrown);
			}
		}
		for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
			if (isTransientCause(cause)) {
				return new JobFailure(Kind.TRANSIENT,
						new TaskError("infrastructure_unavailable", cause.getClass().getSimpleName() + ": "
								+ cause.getMessage()), thrown);
			}
		}
		// the exception's own text may quote code; the worker's log has it under the task id
		return new JobFailure(Kind.INTERNAL, new TaskError(INTERNAL_ERROR, "The worker met an internal error ("
				+ thrown.getClass().getSimpleName() + "); operators find the details in its log"), thrown);
	}

	private static boolean isTransientCause(Throwable cause) {
		return TRANSIENT_CAUSES.stream().anyMatch((type) -> type.isInstance(cause));
	}

}
