package dev.hopper.storage.redis;

import java.util.function.Consumer;

import dev.hopper.core.task.TaskChangeFeed;
import org.redisson.api.RTopic;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@link TaskChangeFeed} on a Redis pub/sub channel: every api replica hears every notice. */
class RedisTaskChangeFeed implements TaskChangeFeed {

	private static final Logger logger = LoggerFactory.getLogger(RedisTaskChangeFeed.class);

	private final RTopic topic;

	RedisTaskChangeFeed(RedissonClient redisson, String channel) {
		this.topic = redisson.getTopic(channel, StringCodec.INSTANCE);
	}

	@Override
	public void announce(String taskId) {
		try {
			this.topic.publishAsync(taskId);
		}
		catch (RuntimeException ex) {
			// a lost notice only delays a waiting client until its next look
			logger.debug("Could not announce a change of task {}: {}", taskId, ex.getMessage());
		}
	}

	@Override
	public AutoCloseable subscribe(Consumer<String> listener) {
		int id = this.topic.addListener(String.class, (channel, taskId) -> listener.accept(taskId));
		return () -> this.topic.removeListener(id);
	}

}
