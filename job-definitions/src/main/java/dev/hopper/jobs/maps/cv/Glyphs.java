package dev.hopper.jobs.maps.cv;

import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The characters stall labels are written in (digits and capitals), rendered once from
 * serif, sans-serif and monospaced fonts bundled with the parser (DejaVu, plain and bold,
 * so no result depends on the host's fonts), and kept as small ink grids
 * normalised to their own bounding box. A mark is read as the character whose grid it
 * correlates with best, less a penalty when their proportions differ ("1" and "7" are
 * narrow, "M" and "W" wide), which the normalised grid hides.
 */
final class Glyphs {

	static final int WIDTH = 12;

	static final int HEIGHT = 20;

	/** The grid reaches this fraction of the box beyond each side, so a bar ("I") is not uniform ink. */
	static final double MARGIN = 0.15;

	private static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

	/** DejaVu Sans, Serif and Sans Mono, plain and bold, cut to {@link #ALPHABET} (fonts/make-fonts.sh). */
	private static final String[] FONT_FILES = { "DejaVuSans", "DejaVuSans-Bold", "DejaVuSerif", "DejaVuSerif-Bold",
			"DejaVuSansMono", "DejaVuSansMono-Bold" };

	private static final List<Glyph> TEMPLATES = render();

	private Glyphs() {
	}

	/** How many characters there are; {@link #character(int)} names each. */
	static int count() {
		return ALPHABET.length();
	}

	static char character(int index) {
		return ALPHABET.charAt(index);
	}

	/**
	 * How well an ink grid of {@link #WIDTH} × {@link #HEIGHT}, whose box is {@code aspect}
	 * wide for its height, matches each character (by index): 1 is a perfect correlation at
	 * the same proportions. Every font is tried; the best counts.
	 */
	static double[] scores(float[] ink, double aspect) {
		double[] scores = new double[ALPHABET.length()];
		java.util.Arrays.fill(scores, -2);
		float[] centred = centred(ink);
		if (centred == null) {
			return scores;
		}
		for (Glyph glyph : TEMPLATES) {
			double correlation = 0;
			for (int i = 0; i < centred.length; i++) {
				correlation += centred[i] * glyph.ink[i];
			}
			double score = correlation - 0.3 * Math.abs(Math.log(aspect / glyph.aspect));
			int index = ALPHABET.indexOf(glyph.character);
			scores[index] = Math.max(scores[index], score);
		}
		return scores;
	}

	private record Glyph(char character, float[] ink, double aspect) {
	}

	/** Zero mean, unit length: correlation then ignores contrast and stroke darkness. */
	private static float[] centred(float[] ink) {
		double mean = 0;
		for (float v : ink) {
			mean += v;
		}
		mean /= ink.length;
		double norm = 0;
		float[] centred = new float[ink.length];
		for (int i = 0; i < ink.length; i++) {
			centred[i] = (float) (ink[i] - mean);
			norm += centred[i] * centred[i];
		}
		if (norm < 1e-6) {
			return null;
		}
		float scale = (float) (1 / Math.sqrt(norm));
		for (int i = 0; i < centred.length; i++) {
			centred[i] *= scale;
		}
		return centred;
	}

	private static List<Glyph> render() {
		return render(bundledFonts(64));
	}

	/** The bundled fonts at {@code size} px: the templates are the same on every host. */
	static List<Font> bundledFonts(int size) {
		List<Font> fonts = new ArrayList<>();
		for (String file : FONT_FILES) {
			try (InputStream in = Glyphs.class.getResourceAsStream("fonts/" + file + ".ttf")) {
				if (in == null) {
					throw new IllegalStateException("The font " + file + " is missing from the parser's resources");
				}
				fonts.add(Font.createFont(Font.TRUETYPE_FONT, in).deriveFont((float) size));
			}
			catch (IOException | FontFormatException ex) {
				throw new IllegalStateException("Cannot load the font " + file, ex);
			}
		}
		return fonts;
	}

	private static List<Glyph> render(List<Font> fonts) {
		List<Glyph> glyphs = new ArrayList<>();
		int size = fonts.get(0).getSize();
		BufferedImage canvas = new BufferedImage(2 * size, 2 * size, BufferedImage.TYPE_BYTE_GRAY);
		for (Font font : fonts) {
			for (char c : ALPHABET.toCharArray()) {
				Graphics2D g = canvas.createGraphics();
				g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
				g.setColor(java.awt.Color.BLACK);
				g.fillRect(0, 0, canvas.getWidth(), canvas.getHeight());
				g.setColor(java.awt.Color.WHITE);
				g.setFont(font);
				g.drawString(String.valueOf(c), size / 2, 3 * size / 2);
				g.dispose();
				Glyph glyph = glyph(c, canvas);
				if (glyph != null) {
					glyphs.add(glyph);
				}
			}
		}
		return List.copyOf(glyphs);
	}

	private static Glyph glyph(char c, BufferedImage canvas) {
		int w = canvas.getWidth();
		int h = canvas.getHeight();
		float[] level = new float[w * h];
		int x0 = w;
		int y0 = h;
		int x1 = -1;
		int y1 = -1;
		for (int y = 0; y < h; y++) {
			for (int x = 0; x < w; x++) {
				level[y * w + x] = canvas.getRaster().getSample(x, y, 0) / 255f;
				if (level[y * w + x] >= 0.5f) {
					x0 = Math.min(x0, x);
					y0 = Math.min(y0, y);
					x1 = Math.max(x1, x);
					y1 = Math.max(y1, y);
				}
			}
		}
		if (x1 < 0) {
			return null;
		}
		// each cell the mean of the glyph under it: a plan's small glyph is blurred the same way
		float[] ink = new float[WIDTH * HEIGHT];
		int samples = 4;
		for (int j = 0; j < HEIGHT; j++) {
			for (int i = 0; i < WIDTH; i++) {
				double sum = 0;
				for (int sj = 0; sj < samples; sj++) {
					for (int si = 0; si < samples; si++) {
						double u = along(i, WIDTH) + (si + 0.5 - samples / 2.0) * (1 + 2 * MARGIN) / (WIDTH * samples);
						double v = along(j, HEIGHT) + (sj + 0.5 - samples / 2.0) * (1 + 2 * MARGIN) / (HEIGHT * samples);
						sum += bilinear(level, w, h, x0 - 0.5 + u * (x1 - x0 + 1), y0 - 0.5 + v * (y1 - y0 + 1));
					}
				}
				ink[j * WIDTH + i] = (float) (sum / (samples * samples));
			}
		}
		return new Glyph(c, centred(ink), (x1 - x0 + 1.0) / (y1 - y0 + 1.0));
	}

	/** Where grid cell {@code i} of {@code n} samples, as a fraction of the box (below 0 and above 1 in the margin). */
	static double along(int i, int n) {
		return -MARGIN + (i + 0.5) * (1 + 2 * MARGIN) / n;
	}

	/** Bilinear interpolation of a row-major grid at (x, y), clamped at its edges. */
	static double bilinear(float[] grid, int w, int h, double x, double y) {
		double cx = Math.max(0, Math.min(w - 1.0001, x));
		double cy = Math.max(0, Math.min(h - 1.0001, y));
		int ix = (int) cx;
		int iy = (int) cy;
		double fx = cx - ix;
		double fy = cy - iy;
		double top = grid[iy * w + ix] * (1 - fx) + grid[iy * w + ix + 1] * fx;
		double bottom = grid[(iy + 1) * w + ix] * (1 - fx) + grid[(iy + 1) * w + ix + 1] * fx;
		return top * (1 - fy) + bottom * fy;
	}

}
