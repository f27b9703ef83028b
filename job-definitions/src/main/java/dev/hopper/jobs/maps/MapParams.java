package dev.hopper.jobs.maps;

import java.util.Locale;
import java.util.Map;

import dev.hopper.core.PermanentFailure;

/** What a {@code map-parse} task may ask for in its params: {@code parser}. */
record MapParams(Parser parser) {

	static MapParams of(Map<String, Object> params, Parser fallback) {
		Object parser = params.getOrDefault("parser", fallback.wireName());
		for (Parser known : Parser.values()) {
			if (known.wireName().equals(parser)) {
				return new MapParams(known);
			}
		}
		throw new PermanentFailure("invalid_params",
				"Unknown parser '" + parser + "'; known parsers are auto, cv, vision-llm and hybrid");
	}

	enum Parser {

		/** CV first; the model (hybrid or vision-llm) only when the CV reading is unsure. */
		AUTO, CV, VISION_LLM, HYBRID;

		/** Whether this parser cannot run at all without a model. */
		boolean needsModel() {
			return this == VISION_LLM || this == HYBRID;
		}

		String wireName() {
			return name().toLowerCase(Locale.ROOT).replace('_', '-');
		}

	}

}
