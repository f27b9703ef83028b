package dev.hopper.workers.batch;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.dao.mongodb.MongoJobExecutionDao;
import org.springframework.batch.core.repository.dao.mongodb.MongoSequenceIncrementer;
import org.springframework.batch.core.repository.support.MongoJobRepositoryFactoryBean;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.jdbc.support.incrementer.DataFieldMaxValueIncrementer;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Spring Batch's MongoDB repository, less one read: on every step update (each chunk's
 * commit among them) it re-reads the job execution, and its instance, to learn whether a
 * {@code JobOperator.stop} elsewhere asked the job to stop. Hopper never stops a job that
 * way — a cancel or a drain stops the step at its chunk boundary through
 * {@code CancellationCheck} — and those two queries were a third of a small task's store
 * round trips (issue 17).
 */
final class HopperJobRepositoryFactory extends MongoJobRepositoryFactoryBean {

	private final MongoOperations mongo;

	private final DataFieldMaxValueIncrementer executionIds;

	HopperJobRepositoryFactory(MongoOperations mongo, PlatformTransactionManager transactions) {
		this.mongo = mongo;
		this.executionIds = new MongoSequenceIncrementer(mongo, "BATCH_JOB_EXECUTION_SEQ", transactions);
		setMongoOperations(mongo);
		setTransactionManager(transactions);
		setJobExecutionIncrementer(this.executionIds);
	}

	@Override
	protected MongoJobExecutionDao createJobExecutionDao() {
		MongoJobExecutionDao executions = new MongoJobExecutionDao(this.mongo) {

			@Override
			public void synchronizeStatus(JobExecution jobExecution) {
				// no one stops a job from outside it: see the class comment
			}

		};
		executions.setJobExecutionIncrementer(this.executionIds);
		return executions;
	}

}
