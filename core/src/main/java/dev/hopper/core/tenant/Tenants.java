package dev.hopper.core.tenant;

import java.util.regex.Pattern;

/** Tenant ids: short lowercase names, safe in logs, keys and URLs. */
public final class Tenants {

	private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

	private Tenants() {
	}

	public static boolean isValidId(String id) {
		return ID.matcher(id).matches();
	}

	/** {@code id} if valid. @throws IllegalArgumentException otherwise */
	public static String checkId(String id) {
		if (!isValidId(id)) {
			throw new IllegalArgumentException("A tenant id is 1 to 63 of a-z, 0-9 and '-', starting with a letter or digit");
		}
		return id;
	}

}
