package dev.hopper.client;

import java.io.FileNotFoundException;
import java.net.http.HttpRequest;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Flow;
import java.util.function.LongConsumer;

/**
 * A multipart/form-data body whose files are read from disk as it is sent, never held in
 * memory whole: a batch of thousands of files costs the client no more than one buffer.
 */
final class MultipartBody {

	private final String boundary = "hopper-" + UUID.randomUUID();

	private final List<HttpRequest.BodyPublisher> parts = new ArrayList<>();

	MultipartBody field(String name, String value) {
		text("--" + this.boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n"
				+ "Content-Type: text/plain; charset=UTF-8\r\n\r\n" + value + "\r\n");
		return this;
	}

	MultipartBody file(String name, Path file) throws FileNotFoundException {
		return file(name, file, (bytes) -> {
		});
	}

	/** A file part; {@code sent} hears of each piece of the file as it goes out. */
	MultipartBody file(String name, Path file, LongConsumer sent) throws FileNotFoundException {
		String fileName = file.getFileName().toString().replace("\"", "%22").replace("\r", "").replace("\n", "");
		text("--" + this.boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\"" + fileName
				+ "\"\r\nContent-Type: application/octet-stream\r\n\r\n");
		this.parts.add(counted(HttpRequest.BodyPublishers.ofFile(file), sent));
		text("\r\n");
		return this;
	}

	String contentType() {
		return "multipart/form-data; boundary=" + this.boundary;
	}

	HttpRequest.BodyPublisher publisher() {
		List<HttpRequest.BodyPublisher> all = new ArrayList<>(this.parts);
		all.add(HttpRequest.BodyPublishers.ofString("--" + this.boundary + "--\r\n", StandardCharsets.UTF_8));
		return HttpRequest.BodyPublishers.concat(all.toArray(HttpRequest.BodyPublisher[]::new));
	}

	private static HttpRequest.BodyPublisher counted(HttpRequest.BodyPublisher inner, LongConsumer sent) {
		return new HttpRequest.BodyPublisher() {

			@Override
			public long contentLength() {
				return inner.contentLength();
			}

			@Override
			public void subscribe(Flow.Subscriber<? super ByteBuffer> subscriber) {
				inner.subscribe(new Flow.Subscriber<ByteBuffer>() {

					@Override
					public void onSubscribe(Flow.Subscription subscription) {
						subscriber.onSubscribe(subscription);
					}

					@Override
					public void onNext(ByteBuffer item) {
						int bytes = item.remaining();
						subscriber.onNext(item);
						sent.accept(bytes);
					}

					@Override
					public void onError(Throwable throwable) {
						subscriber.onError(throwable);
					}

					@Override
					public void onComplete() {
						subscriber.onComplete();
					}

				});
			}

		};
	}

	private void text(String text) {
		this.parts.add(HttpRequest.BodyPublishers.ofString(text, StandardCharsets.UTF_8));
	}

}
