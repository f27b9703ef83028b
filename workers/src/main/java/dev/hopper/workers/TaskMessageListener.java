package dev.hopper.workers;

import java.io.IOException;

import com.rabbitmq.client.Channel;
import dev.hopper.core.PermanentFailure;
import dev.hopper.core.queue.TaskMessage;
import dev.hopper.core.task.LoggedTask;
import dev.hopper.core.task.JobType;
import dev.hopper.storage.amqp.TaskMessageCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.amqp.core.Message;
import org.springframework.amqp.rabbit.listener.api.ChannelAwareMessageListener;

/**
 * Consumes task messages with manual acknowledgement: the ack goes out only after the
 * task store holds the outcome, so a crash at any point leaves the message to redeliver.
 */
class TaskMessageListener implements ChannelAwareMessageListener {

	static final String MISROUTED = "misrouted_message";

	private static final Logger logger = LoggerFactory.getLogger(TaskMessageListener.class);

	private final TaskRunner runner;

	private final DeadLetters deadLetters;

	private final JobType type;

	TaskMessageListener(TaskRunner runner, DeadLetters deadLetters, JobType type) {
		this.runner = runner;
		this.deadLetters = deadLetters;
		this.type = type;
	}

	@Override
	public void onMessage(Message message, Channel channel) throws IOException {
		long tag = message.getMessageProperties().getDeliveryTag();
		TaskMessage task;
		try {
			task = TaskMessageCodec.decode(message);
		}
		catch (PermanentFailure poison) {
			logger.warn("Dead-lettering a malformed message: {}", poison.getMessage());
			this.deadLetters.send(message, null, this.type, poison.code(), String.valueOf(poison.getMessage()));
			channel.basicAck(tag, false);
			return;
		}
		if (!task.type().equals(this.type)) {
			String detail = "A " + task.type() + " message on the queue of " + this.type;
			logger.warn("Dead-lettering a misrouted message: {}", detail);
			this.deadLetters.send(message, task.taskId(), this.type, MISROUTED, detail);
			channel.basicAck(tag, false);
			return;
		}
		try (var logged = LoggedTask.of(task.taskId())) {
			TaskRunner.Verdict verdict = this.runner.run(task);
			switch (verdict.outcome()) {
				case SUCCEEDED, CACHED, DEFERRED, FAILED, CANCELLED, DUPLICATE -> channel.basicAck(tag, false);
				case RETRY -> channel.basicNack(tag, false, true);
				case DEAD_LETTER -> {
					logger.warn("Dead-lettering task {}: {}", task.taskId(), verdict.detail());
					this.deadLetters.send(message, task.taskId(), task.type(), verdict.code(), verdict.detail());
					channel.basicAck(tag, false);
				}
			}
		}
	}

}
