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
				"Unknown parser '" + parser + "'; known parsers are cv, vision-llm and hybrid");
	}

	enum Parser {

		CV, VISION_LLM, HYBRID;

		String wireName() {
			return name().toLowerCase(Locale.ROOT).replace('_', '-');
		}

	}

}
