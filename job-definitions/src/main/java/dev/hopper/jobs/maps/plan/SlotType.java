package dev.hopper.jobs.maps.plan;

/** What a parking slot is reserved for. */
public enum SlotType {

	REGULAR, DISABLED, EV;

	public String wireName() {
		return name().toLowerCase(java.util.Locale.ROOT);
	}

}
