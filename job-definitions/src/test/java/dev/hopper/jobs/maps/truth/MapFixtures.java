package dev.hopper.jobs.maps.truth;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

import dev.hopper.jobs.maps.Png;
import dev.hopper.jobs.maps.plan.Confidence;
import dev.hopper.jobs.maps.plan.Entrance;
import dev.hopper.jobs.maps.plan.LaneGraph;
import dev.hopper.jobs.maps.plan.Level;
import dev.hopper.jobs.maps.plan.ParkingMap;
import dev.hopper.jobs.maps.plan.Point;
import dev.hopper.jobs.maps.plan.Slot;
import dev.hopper.jobs.maps.plan.SlotType;

/** Plan files for tests: encoded plans, pixel bombs, and results read back for scoring. */
public final class MapFixtures {

	private MapFixtures() {
	}

	public static byte[] png(BufferedImage image) {
		return Png.encode(image);
	}

	public static byte[] jpeg(BufferedImage image, float quality) {
		try {
			ByteArrayOutputStream bytes = new ByteArrayOutputStream();
			ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
			ImageWriteParam param = writer.getDefaultWriteParam();
			param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
			param.setCompressionQuality(quality);
			try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
				writer.setOutput(out);
				writer.write(null, new IIOImage(image, null, null), param);
			}
			writer.dispose();
			return bytes.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** A well-formed PNG (valid chunk CRCs) whose header declares {@code width × height}; a few bytes long. */
	public static byte[] pngDeclaring(long width, long height) {
		ByteBuffer ihdr = ByteBuffer.allocate(13).putInt((int) width).putInt((int) height).put((byte) 8).put((byte) 2);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.writeBytes(new byte[] { (byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10 });
		chunk(out, "IHDR", ihdr.array());
		chunk(out, "IDAT", new byte[] { 0x78, (byte) 0x9c, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01 });
		chunk(out, "IEND", new byte[0]);
		return out.toByteArray();
	}

	/** A real JPEG whose frame header is rewritten to declare {@code width × height}. */
	public static byte[] jpegDeclaring(int width, int height) {
		byte[] jpeg = jpeg(new BufferedImage(16, 16, BufferedImage.TYPE_INT_RGB), 0.9f);
		for (int i = 2; i + 8 < jpeg.length; i++) {
			if ((jpeg[i] & 0xFF) == 0xFF && (jpeg[i + 1] & 0xFF) == 0xC0) {
				jpeg[i + 5] = (byte) (height >> 8);
				jpeg[i + 6] = (byte) height;
				jpeg[i + 7] = (byte) (width >> 8);
				jpeg[i + 8] = (byte) width;
				return jpeg;
			}
		}
		throw new IllegalStateException("no baseline frame header");
	}

	private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
		byte[] name = type.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
		out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
		out.writeBytes(name);
		out.writeBytes(data);
		CRC32 crc = new CRC32();
		crc.update(name);
		crc.update(data);
		out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
	}

	/** A {@code map-parse} result document (as JSON maps and lists) back as a map, for scoring. */
	@SuppressWarnings("unchecked")
	public static ParkingMap read(Map<String, Object> document) {
		Map<String, Object> image = (Map<String, Object>) document.get("image");
		List<Level> levels = new ArrayList<>();
		for (Object levelObject : (List<Object>) document.get("levels")) {
			Map<String, Object> level = (Map<String, Object>) levelObject;
			List<Slot> slots = ((List<Object>) level.get("slots")).stream().map((o) -> {
				Map<String, Object> slot = (Map<String, Object>) o;
				List<Point> polygon = ((List<Object>) slot.get("polygon")).stream().map(MapFixtures::point).toList();
				return new Slot((String) slot.get("id"), SlotType.valueOf(((String) slot.get("type")).toUpperCase()),
						polygon, number(slot.get("confidence")));
			}).toList();
			Map<String, Object> lanes = (Map<String, Object>) level.get("lanes");
			List<LaneGraph.Node> nodes = ((List<Object>) lanes.get("nodes")).stream().map((o) -> {
				Map<String, Object> node = (Map<String, Object>) o;
				return new LaneGraph.Node((String) node.get("id"), point(node.get("point")));
			}).toList();
			List<LaneGraph.Edge> edges = ((List<Object>) lanes.get("edges")).stream().map((o) -> {
				Map<String, Object> edge = (Map<String, Object>) o;
				return new LaneGraph.Edge((String) edge.get("from"), (String) edge.get("to"), (Boolean) edge.get("oneway"));
			}).toList();
			List<Entrance> entrances = ((List<Object>) level.get("entrances")).stream().map((o) -> {
				Map<String, Object> entrance = (Map<String, Object>) o;
				return new Entrance((String) entrance.get("id"),
						Entrance.Kind.valueOf(((String) entrance.get("kind")).toUpperCase()), point(entrance.get("point")));
			}).toList();
			levels.add(new Level((String) level.get("id"), slots, new LaneGraph(nodes, edges), entrances,
					number(level.get("confidence"))));
		}
		Map<String, Object> parser = (Map<String, Object>) document.get("parser");
		return new ParkingMap(((Number) image.get("width")).intValue(), ((Number) image.get("height")).intValue(), levels,
				new ParkingMap.Parser((String) parser.get("kind"), (String) parser.get("model"),
						(String) parser.get("promptVersion")),
				(String) document.get("overlayUrl"), confidence((Map<String, Object>) document.get("confidence")));
	}

	@SuppressWarnings("unchecked")
	private static Confidence confidence(Map<String, Object> document) {
		if (document == null) {
			return null;
		}
		return new Confidence(((Number) document.get("score")).doubleValue(),
				((List<Map<String, Object>>) document.get("doubts")).stream()
					.map((d) -> new Confidence.Doubt((String) d.get("reason"), (String) d.get("level"),
							(String) d.get("detail")))
					.toList());
	}

	private static Double number(Object value) {
		return (value != null) ? ((Number) value).doubleValue() : null;
	}

	@SuppressWarnings("unchecked")
	private static Point point(Object pair) {
		List<Number> xy = (List<Number>) pair;
		return new Point(xy.get(0).doubleValue(), xy.get(1).doubleValue());
	}

}
