package dev.hopper.storage.redis;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import dev.hopper.core.task.TaskChangeFeed;
import org.redisson.api.RTopic;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link TaskChangeFeed} on a Redis pub/sub channel: every api replica hears every notice.
 * This process's own listeners hear its notices at once as well, before the announcement
 * returns, so a change made here is never followed here by an answer from before it (they
 * hear it again when it comes back through Redis).
 */
class RedisTaskChangeFeed implements TaskChangeFeed {

	private static final Logger logger = LoggerFactory.getLogger(RedisTaskChangeFeed.class);

	private final RTopic topic;

	private final List<Consumer<String>> local = new CopyOnWriteArrayList<>();

	RedisTaskChangeFeed(RedissonClient redisson, String channel) {
		this.topic = redisson.getTopic(channel, StringCodec.INSTANCE);
	}

	@Override
	public void announce(String taskId) {
		for (Consumer<String> listener : this.local) {
			try {
				listener.accept(taskId);
			}
			catch (RuntimeException ex) {
				logger.debug("A listener failed on a change of task {}: {}", taskId, ex.getMessage());
			}
		}
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
		this.local.add(listener);
		int id = this.topic.addListener(String.class, (channel, taskId) -> listener.accept(taskId));
		return () -> {
			this.local.remove(listener);
			this.topic.removeListener(id);
		};
	}

}
