package dev.hopper.jobs.maps.cv;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LabelGrammarTests {

	@Test
	void aLookAlikeIsReadAsTheClassItsPositionTakes() {
		// alone, the glyphs read "A1O2" and "A0S": letters after the number, or no number at the end
		double[][] inside = { glyph('A', 0.9, '4', 0.5), glyph('1', 0.9, 'I', 0.6), glyph('O', 0.9, '0', 0.86),
				glyph('2', 0.9, 'Z', 0.7) };
		assertThat(LabelGrammar.best(inside).text()).isEqualTo("A102");
		assertThat(LabelGrammar.best(inside).score()).isEqualTo(0.86);
		double[][] last = { glyph('A', 0.9, '4', 0.5), glyph('0', 0.9, 'O', 0.8), glyph('S', 0.9, '5', 0.87) };
		assertThat(LabelGrammar.best(last).text()).isEqualTo("A05");
	}

	@Test
	void floorNumbersRowLettersAndPlainNumbersAreAllLabels() {
		double[][] floor = { glyph('2', 0.9, 'Z', 0.5), glyph('B', 0.9, '8', 0.6), glyph('1', 0.9, 'I', 0.5),
				glyph('4', 0.9, 'A', 0.5) };
		assertThat(LabelGrammar.best(floor).text()).isEqualTo("2B14");
		double[][] plain = { glyph('1', 0.9, 'I', 0.5), glyph('1', 0.9, 'I', 0.5), glyph('8', 0.9, 'B', 0.6) };
		assertThat(LabelGrammar.best(plain).text()).isEqualTo("118");
	}

	@Test
	void aFloorsShapeSettlesALabelThatAloneReadsAnotherWay() {
		// alone "801"; on a floor of "B02", "B03"… (no floor digits, one row letter) it is "B01"
		double[][] b01 = { glyph('8', 0.9, 'B', 0.85), glyph('0', 0.9, 'O', 0.8), glyph('1', 0.9, 'I', 0.6) };
		assertThat(LabelGrammar.best(b01).text()).isEqualTo("801");
		assertThat(LabelGrammar.best(b01).shape()).isEqualTo(new LabelGrammar.Shape(0, 0));
		LabelGrammar.Shape rowAndNumber = new LabelGrammar.Shape(0, 1);
		assertThat(LabelGrammar.best(b01, rowAndNumber).text()).isEqualTo("B01");
		assertThat(LabelGrammar.best(b01, rowAndNumber).score()).isEqualTo(0.85);
		// "A7" and "A12" share the shape; a label with no glyph left for its number cannot take it
		assertThat(LabelGrammar.best(new double[][] { glyph('A', 0.9, '4', 0.5), glyph('7', 0.9, 'T', 0.5) },
				rowAndNumber).text()).isEqualTo("A7");
		assertThat(LabelGrammar.best(new double[][] { glyph('2', 0.9, 'Z', 0.5), glyph('A', 0.9, '4', 0.5) },
				new LabelGrammar.Shape(1, 1))).isNull();
	}

	@Test
	void aSecondRowLetterMustReadClearlyBetterThanTheDigitItCouldBe() {
		// a face whose zero is a little square: "D" scores a shade over "0"
		double[][] a01 = { glyph('A', 0.9, '4', 0.5), glyph('D', 0.82, '0', 0.78), glyph('1', 0.9, 'I', 0.85) };
		assertThat(LabelGrammar.best(a01).text()).isEqualTo("A01");
		// a real second letter reads far better as one
		double[][] ab12 = { glyph('A', 0.9, '4', 0.5), glyph('B', 0.9, '8', 0.6), glyph('1', 0.9, 'I', 0.5),
				glyph('2', 0.9, 'Z', 0.5) };
		assertThat(LabelGrammar.best(ab12).text()).isEqualTo("AB12");
	}

	@Test
	void fewerThanTwoOrMoreThanEightGlyphsAreNoLabel() {
		assertThat(LabelGrammar.best(new double[][] { glyph('1', 1, 'I', 0) })).isNull();
		double[][] nine = new double[9][];
		Arrays.fill(nine, glyph('1', 1, 'I', 0));
		assertThat(LabelGrammar.best(nine)).isNull();
	}

	private static double[] glyph(char best, double score, char second, double secondScore) {
		double[] scores = new double[Glyphs.count()];
		Arrays.fill(scores, 0.1);
		for (int c = 0; c < Glyphs.count(); c++) {
			if (Glyphs.character(c) == best) {
				scores[c] = score;
			}
			if (Glyphs.character(c) == second) {
				scores[c] = secondScore;
			}
		}
		return scores;
	}

}
