package dev.hopper.jobs.maps.plan;

import java.awt.image.BufferedImage;

/** Reads a floor plan into levels of slots, lanes and entrances, in the plan's pixels. */
public interface MapParser {

	ParkingMap parse(BufferedImage plan);

}
