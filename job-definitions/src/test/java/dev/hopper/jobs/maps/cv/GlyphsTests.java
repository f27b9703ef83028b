package dev.hopper.jobs.maps.cv;

import java.awt.Font;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class GlyphsTests {

	@Test
	void theTemplatesAreDrawnFromFontsBundledWithTheParserNotTheHosts() {
		List<Font> fonts = Glyphs.bundledFonts(64);

		assertThat(fonts).extracting(Font::getFamily)
			.containsExactly("DejaVu Sans", "DejaVu Sans", "DejaVu Serif", "DejaVu Serif", "DejaVu Sans Mono",
					"DejaVu Sans Mono");
		assertThat(fonts).extracting(Font::getFontName).filteredOn((name) -> name.contains("Bold")).hasSize(3);
		for (Font font : fonts) {
			for (int i = 0; i < Glyphs.count(); i++) {
				assertThat(font.canDisplay(Glyphs.character(i))).as(font.getFontName() + " " + Glyphs.character(i))
					.isTrue();
			}
		}
	}

}
