package dev.hopper.cli;

import java.io.Console;
import java.lang.reflect.Method;
import java.util.Map;

/** Whether output goes to a person at a terminal, who gets bars, rather than to a file or pipe. */
final class Terminal {

	private Terminal() {
	}

	static boolean isInteractive(Map<String, String> environment) {
		Console console = System.console();
		if (console == null || "dumb".equals(environment.get("TERM"))) {
			return false;
		}
		try {
			// since JDK 22 there is a console even when output is redirected; it says whether it is a terminal
			Method isTerminal = Console.class.getMethod("isTerminal");
			return (boolean) isTerminal.invoke(console);
		}
		catch (NoSuchMethodException older) {
			return true;
		}
		catch (ReflectiveOperationException ex) {
			return false;
		}
	}

}
