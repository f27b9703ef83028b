package dev.hopper.jobs.maps.llm;

import java.awt.Graphics2D;
import java.awt.Image;
import java.awt.image.BufferedImage;

/** A window of the plan as the model sees it, and the way back to the plan's pixels. */
record Shown(BufferedImage image, int x, int y, double scale) {

	/** Cuts the window out and shrinks it by area averaging, which keeps one-pixel lines. */
	static Shown of(BufferedImage plan, int x, int y, int width, int height, double scale) {
		BufferedImage window = plan.getSubimage(x, y, width, height);
		if (scale >= 1) {
			return new Shown(window, x, y, 1);
		}
		int w = Math.max(1, (int) Math.round(width * scale));
		int h = Math.max(1, (int) Math.round(height * scale));
		BufferedImage shrunk = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = shrunk.createGraphics();
		g.drawImage(window.getScaledInstance(w, h, Image.SCALE_AREA_AVERAGING), 0, 0, null);
		g.dispose();
		return new Shown(shrunk, x, y, (double) w / width);
	}

	double planX(double shownX) {
		return this.x + shownX / this.scale;
	}

	double planY(double shownY) {
		return this.y + shownY / this.scale;
	}

}
