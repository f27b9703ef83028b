package dev.hopper.jobs.maps;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;

import dev.hopper.jobs.maps.plan.Entrance;
import dev.hopper.jobs.maps.plan.LaneGraph;
import dev.hopper.jobs.maps.plan.Level;
import dev.hopper.jobs.maps.plan.ParkingMap;
import dev.hopper.jobs.maps.plan.Point;
import dev.hopper.jobs.maps.plan.Slot;

/** Draws what a parser found over the plan, so a person can check it at a glance. */
public final class Overlay {

	private Overlay() {
	}

	public static BufferedImage draw(BufferedImage plan, ParkingMap map) {
		BufferedImage overlay = new BufferedImage(plan.getWidth(), plan.getHeight(), BufferedImage.TYPE_INT_RGB);
		Graphics2D g = overlay.createGraphics();
		g.drawImage(plan, 0, 0, null);
		g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
		float line = Math.max(1.5f, (float) Math.hypot(plan.getWidth(), plan.getHeight()) / 900);
		g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, Math.round(line * 6)));
		for (Level level : map.levels()) {
			for (Slot slot : level.slots()) {
				Color colour = switch (slot.type()) {
					case DISABLED -> new Color(30, 90, 255);
					case EV -> new Color(0, 170, 60);
					case REGULAR -> new Color(230, 40, 40);
				};
				Path2D.Double outline = new Path2D.Double();
				outline.moveTo(slot.polygon().get(0).x(), slot.polygon().get(0).y());
				slot.polygon().subList(1, slot.polygon().size()).forEach((p) -> outline.lineTo(p.x(), p.y()));
				outline.closePath();
				g.setColor(new Color(colour.getRed(), colour.getGreen(), colour.getBlue(), 60));
				g.fill(outline);
				g.setColor(colour);
				g.setStroke(new BasicStroke(line));
				g.draw(outline);
				g.drawString(slot.id(), (float) slot.center().x() - line * 6, (float) slot.center().y());
			}
			g.setColor(new Color(255, 140, 0));
			g.setStroke(new BasicStroke(line * 1.5f));
			for (LaneGraph.Edge edge : level.lanes().edges()) {
				Point a = level.lanes().node(edge.from()).point();
				Point b = level.lanes().node(edge.to()).point();
				g.drawLine((int) a.x(), (int) a.y(), (int) b.x(), (int) b.y());
			}
			g.setColor(new Color(160, 0, 200));
			for (Entrance entrance : level.entrances()) {
				int r = Math.round(line * 5);
				g.drawOval((int) entrance.point().x() - r, (int) entrance.point().y() - r, 2 * r, 2 * r);
				g.drawString(entrance.kind().name().toLowerCase(), (float) entrance.point().x() + r,
						(float) entrance.point().y());
			}
		}
		g.dispose();
		return overlay;
	}

}
