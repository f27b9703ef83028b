package dev.hopper.api.console;

import dev.hopper.api.problem.ApiProblem;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.server.ResponseStatusException;

/** The console's own error page for a page that is not there or a refused action, not the API's JSON. */
@ControllerAdvice(basePackageClasses = ConsoleErrors.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ConsoleErrors {

	@ExceptionHandler(ResponseStatusException.class)
	String notThere(ResponseStatusException ex, HttpServletRequest request, HttpServletResponse response,
			Model model) {
		return page(ex.getStatusCode().value(), null, request, response, model);
	}

	@ExceptionHandler(ApiProblem.class)
	String refused(ApiProblem problem, HttpServletRequest request, HttpServletResponse response, Model model) {
		return page(problem.status().value(), problem.getMessage(), request, response, model);
	}

	private static String page(int status, String detail, HttpServletRequest request, HttpServletResponse response,
			Model model) {
		response.setStatus(status);
		model.addAttribute("status", status);
		model.addAttribute("detail", detail);
		ConsoleSession session = ConsoleSession.of(request);
		if (session != null) {
			model.addAttribute("console", session);
			model.addAttribute("csrf", session.csrfToken());
		}
		return "console/error";
	}

}
