package dev.hopper.jobs.audio.engine;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import dev.hopper.core.content.ContentKind;
import dev.hopper.core.content.ContentSniffer;

/**
 * Runs the engine on files outside the platform and prints one JSON result per line: what
 * the oracle comparison and the benchmark call. Usage: {@code AnalyzeCommand FILE...}
 */
public final class AnalyzeCommand {

	private AnalyzeCommand() {
	}

	public static void main(String[] args) throws IOException {
		for (String name : args) {
			Path file = Path.of(name);
			try {
				System.out.println("{\"file\":" + json(name) + ",\"result\":" + json(analyze(file).toDocument()) + "}");
			}
			catch (AudioFailure ex) {
				System.out.println("{\"file\":" + json(name) + ",\"error\":{\"code\":" + json(ex.code())
						+ ",\"message\":" + json(ex.getMessage()) + "}}");
			}
		}
	}

	/** The features of a whole file, streamed segment by segment as the job does. */
	public static AudioFeatures analyze(Path file) throws IOException {
		try (AudioDecoder decoder = AudioDecoders.open(kindOf(file), AudioDecoders.Source.of(file), Files.size(file),
				0)) {
			return analyze(decoder);
		}
	}

	/** The features of everything {@code decoder} yields. */
	public static AudioFeatures analyze(AudioDecoder decoder) {
		FeatureAnalyzer analyzer = new FeatureAnalyzer(decoder.info());
		double[] buffer = new double[65_536 * decoder.info().channels()];
		int frames;
		while ((frames = decoder.read(buffer, 65_536)) > 0) {
			analyzer.accept(buffer, frames);
		}
		if (analyzer.frames() == 0) {
			throw new AudioFailure(AudioFailure.EMPTY_AUDIO, "The file holds no audio samples");
		}
		return analyzer.finish();
	}

	static ContentKind kindOf(Path file) throws IOException {
		byte[] head = new byte[ContentSniffer.HEAD_LENGTH];
		int length;
		try (InputStream in = Files.newInputStream(file)) {
			length = in.readNBytes(head, 0, head.length);
		}
		return ContentSniffer.detect(head, length);
	}

	static String json(Object value) {
		if (value == null) {
			return "null";
		}
		if (value instanceof Map<?, ?> map) {
			StringBuilder out = new StringBuilder("{");
			map.forEach((k, v) -> out.append((out.length() > 1) ? "," : "").append(json(k)).append(':').append(json(v)));
			return out.append('}').toString();
		}
		if (value instanceof List<?> list) {
			StringBuilder out = new StringBuilder("[");
			list.forEach((v) -> out.append((out.length() > 1) ? "," : "").append(json(v)));
			return out.append(']').toString();
		}
		if (value instanceof Double d) {
			return (d.isNaN() || d.isInfinite()) ? "null" : d.toString();
		}
		if (value instanceof Number || value instanceof Boolean) {
			return value.toString();
		}
		StringBuilder out = new StringBuilder("\"");
		for (char c : value.toString().toCharArray()) {
			switch (c) {
				case '"' -> out.append("\\\"");
				case '\\' -> out.append("\\\\");
				default -> {
					if (c < 0x20) {
						out.append(String.format("\\u%04x", (int) c));
					}
					else {
						out.append(c);
					}
				}
			}
		}
		return out.append('"').toString();
	}

}
