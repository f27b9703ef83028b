package dev.hopper.api.docs;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The result documents of the built-in job types, as the OpenAPI document describes them
 * (the workers write them as documents; these records only name their shape). Their
 * definitions: docs/audio-features.md and docs/map-parsing.md.
 */
public final class ResultSchemas {

	private ResultSchemas() {
	}

	@Schema(name = "AudioFeaturesResult", description = "The result of an audio-features task. Undefined quantities "
			+ "(the loudness of silence, the tempo of a file with no pulse) are null.")
	public record AudioFeatures(@Schema(example = "30.0") double durationSec, @Schema(example = "44100") int sampleRate,
			@Schema(example = "2") int channels, @Schema(example = "wav") String format, Loudness loudness,
			Rhythm rhythm, Tonal tonal, Spectral spectral, Mfcc mfcc, Pitch pitch, Engine engine) {
	}

	@Schema(name = "AudioLoudness", description = "ITU-R BS.1770-4 / EBU R128; RMS and peak of all channels, dBFS")
	public record Loudness(@Schema(nullable = true, example = "-14.2") Double integratedLufs,
			@Schema(nullable = true, example = "6.1") Double loudnessRangeLu,
			@Schema(example = "-1.0") double truePeakDbtp, @Schema(example = "-17.3") double rmsDbfs,
			@Schema(example = "-1.2") double peakDbfs) {
	}

	@Schema(name = "AudioRhythm")
	public record Rhythm(@Schema(nullable = true, example = "120.0") Double bpm,
			@Schema(example = "0.62") double bpmConfidence, @Schema(example = "2.4") double onsetRatePerSec) {
	}

	@Schema(name = "AudioTonal")
	public record Tonal(
			@Schema(nullable = true, allowableValues = { "C", "C#", "D", "D#", "E", "F", "F#", "G", "G#", "A", "A#",
					"B" }) String key,
			@Schema(nullable = true, allowableValues = { "major", "minor" }) String scale,
			@Schema(example = "0.71") double keyStrength,
			@Schema(description = "12 pitch classes from C") List<Double> chromaMean) {
	}

	@Schema(name = "AudioSpectral")
	public record Spectral(MeanStd centroidHz, MeanStd rolloffHz, MeanStd flatness,
			@Schema(description = "sign changes per sample") MeanStd zeroCrossingRate) {
	}

	@Schema(name = "MeanStd", description = "Mean and standard deviation over frames")
	public record MeanStd(double mean, double std) {
	}

	@Schema(name = "AudioMfcc", description = "13 coefficients of 40 mel bands, mean and deviation over frames")
	public record Mfcc(@Schema(description = "13 values") List<Double> mean,
			@Schema(description = "13 values") List<Double> std) {
	}

	@Schema(name = "AudioPitch")
	public record Pitch(@Schema(nullable = true, example = "440.0") Double medianHz) {
	}

	@Schema(name = "Engine", description = "What computed the result, and its version (it keys the result cache)")
	public record Engine(@Schema(example = "hopper-audio") String name, @Schema(example = "1.0.0") String version) {
	}

	@Schema(name = "MapPlanResult", description = "The result of a map-parse task: pixel coordinates of the uploaded "
			+ "image, origin top-left")
	public record MapPlan(Image image, List<Level> levels, Parser parser,
			@Schema(nullable = true, example = "/api/v1/tasks/0192f1e8c3a47c1d9b2e5a60/overlay") String overlayUrl,
			@Schema(nullable = true, description = "How sure the parser is of the whole plan; absent from vision-llm results")
			Confidence confidence,
			@Schema(nullable = true, description = "Present when parser auto found the CV reading unsure and asked the model")
			Escalated escalated,
			@Schema(nullable = true, description = "Present when the model did not answer and the CV parser stood in")
			Degraded degraded) {
	}

	@Schema(name = "MapConfidence", description = "How sure the parser is of the plan (0 to 1), and why it doubts")
	public record Confidence(@Schema(example = "0.91") double score,
			@Schema(description = "true below 0.6: the plan is likely read incompletely or wrongly") boolean unsure,
			List<Doubt> doubts) {
	}

	@Schema(name = "MapDoubt", description = "One reason the parser is less sure, on one level or the whole plan")
	public record Doubt(@Schema(allowableValues = { "no_stalls", "unexplained_ink", "irregular_stalls", "labels_unread",
			"open_geometry" }) String reason, @Schema(nullable = true, example = "L1") String level, String detail) {
	}

	@Schema(name = "MapEscalated", description = "Why parser auto went on from the CV reading to the model")
	public record Escalated(@Schema(allowableValues = "cv") String from,
			@Schema(allowableValues = { "hybrid", "vision-llm" }) String to,
			@Schema(description = "the CV reading's confidence", example = "0.32") double confidence,
			@Schema(description = "the CV reading's doubts") List<String> reasons) {
	}

	@Schema(name = "MapDegraded", description = "Which parser was asked for, and why the CV parser answered instead")
	public record Degraded(@Schema(allowableValues = { "vision-llm", "hybrid" }) String from,
			@Schema(example = "model_unavailable") String reason, String detail) {
	}

	@Schema(name = "MapImage")
	public record Image(@Schema(example = "1820") int width, @Schema(example = "1099") int height) {
	}

	@Schema(name = "MapLevel")
	public record Level(@Schema(example = "L1") String id, List<Slot> slots, Lanes lanes, List<Entrance> entrances,
			@Schema(nullable = true, description = "0 to 1; absent from vision-llm results", example = "0.93")
			Double confidence) {
	}

	@Schema(name = "MapSlot")
	public record Slot(@Schema(example = "L1-A12") String id,
			@Schema(allowableValues = { "regular", "disabled", "ev" }) String type,
			@Schema(description = "four corners, each [x, y]") List<List<Double>> polygon,
			@Schema(description = "[x, y]") List<Double> center,
			@Schema(nullable = true, description = "how sure the parser is that this is a stall, 0 to 1; absent from "
					+ "vision-llm results", example = "0.97") Double confidence) {
	}

	@Schema(name = "MapLanes", description = "The driving lanes as a graph")
	public record Lanes(List<LaneNode> nodes, List<LaneEdge> edges) {
	}

	@Schema(name = "MapLaneNode")
	public record LaneNode(String id, @Schema(description = "[x, y]") List<Double> point) {
	}

	@Schema(name = "MapLaneEdge")
	public record LaneEdge(String from, String to, boolean oneway) {
	}

	@Schema(name = "MapEntrance")
	public record Entrance(String id, @Schema(allowableValues = { "entrance", "exit", "both" }) String kind,
			@Schema(description = "[x, y]") List<Double> point) {
	}

	@Schema(name = "MapParser", description = "Which parser produced the plan")
	public record Parser(@Schema(allowableValues = { "cv", "vision-llm", "hybrid" }) String kind,
			@Schema(nullable = true) String model, @Schema(nullable = true) String promptVersion,
			@Schema(allowableValues = { "auto", "cv", "vision-llm", "hybrid" },
					description = "the parser the task asked for, or its default") String requested) {
	}

}
