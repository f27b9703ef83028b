package dev.hopper.storage.amqp;

import java.util.Map;

import dev.hopper.core.PermanentFailure;
import dev.hopper.core.TimeOrderedId;
import dev.hopper.core.queue.TaskMessage;
import dev.hopper.core.task.JobType;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageBuilder;
import org.springframework.amqp.core.MessageDeliveryMode;
import org.springframework.amqp.core.MessageProperties;

/** The wire format of task messages: a small JSON object, persistent, with the task id as message id. */
public final class TaskMessageCodec {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private TaskMessageCodec() {
	}

	public static Message encode(TaskMessage message) {
		byte[] body = JSON.writeValueAsBytes(Map.of("taskId", message.taskId(), "type", message.type().wireName()));
		return MessageBuilder.withBody(body)
			.setContentType(MessageProperties.CONTENT_TYPE_JSON)
			.setDeliveryMode(MessageDeliveryMode.PERSISTENT)
			.setMessageId(message.taskId())
			.build();
	}

	/** @throws PermanentFailure for a body no Hopper component wrote: a poison message */
	public static TaskMessage decode(Message message) {
		try {
			Map<?, ?> fields = JSON.readValue(message.getBody(), Map.class);
			Object taskId = fields.get("taskId");
			Object type = fields.get("type");
			if (!(taskId instanceof String id) || !TimeOrderedId.isWellFormed(id) || !(type instanceof String name)) {
				throw malformed("it lacks a well-formed taskId or type");
			}
			if (!JobType.isWellFormed(name)) {
				throw malformed("'" + name + "' is no job type name");
			}
			return new TaskMessage(id, JobType.of(name));
		}
		catch (JacksonException ex) {
			throw malformed("it is not JSON");
		}
	}

	private static PermanentFailure malformed(String why) {
		return new PermanentFailure("malformed_message", "Task message rejected: " + why);
	}

}
