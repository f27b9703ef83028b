package dev.hopper.api.console;

import java.util.Optional;

import dev.hopper.api.auth.AdminKey;
import dev.hopper.core.tenant.ApiKey;
import dev.hopper.core.tenant.ApiKeySecrets;
import dev.hopper.core.tenant.ApiKeyStore;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Signing in with an API key or the admin key, and out again. */
@Controller
class ConsoleSignInController {

	private final ApiKeyStore keys;

	private final AdminKey adminKey;

	ConsoleSignInController(ApiKeyStore keys, AdminKey adminKey) {
		this.keys = keys;
		this.adminKey = adminKey;
	}

	@GetMapping("/console/sign-in")
	String signInPage() {
		return "console/sign-in";
	}

	/** The key comes in the form body, never in a URL, and is not kept: only whom it names. */
	@PostMapping("/console/sign-in")
	String signIn(@RequestParam(defaultValue = "") String key, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		String presented = key.strip();
		if (this.adminKey.matches(presented)) {
			ConsoleSession.start(request, null);
			return "redirect:/console";
		}
		Optional<ApiKey> found = presented.isEmpty() ? Optional.empty()
				: this.keys.findByHash(ApiKeySecrets.hash(presented)).filter((apiKey) -> !apiKey.isRevoked());
		if (found.isEmpty()) {
			response.setStatus(HttpStatus.UNAUTHORIZED.value());
			model.addAttribute("error", "That key is not valid. Use an API key of your tenant, or the admin key.");
			return "console/sign-in";
		}
		ConsoleSession.start(request, found.get().tenantId());
		return "redirect:/console";
	}

	@PostMapping("/console/sign-out")
	String signOut(HttpServletRequest request) {
		ConsoleSession.end(request);
		return "redirect:/console/sign-in";
	}

}
