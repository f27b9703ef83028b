package dev.hopper.api.auth;

import java.io.IOException;
import java.security.Principal;

import dev.hopper.api.problem.ApiProblem;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerExceptionResolver;

/**
 * The actuator on the API's own port: anyone may ask whether the server is up (for load
 * balancers and probes); its details (addresses, paths, versions), the metrics and
 * everything else there need the admin key, as {@code X-API-Key} or a bearer token (which
 * Prometheus can send). A request with the key is the {@value #ROLE} role, which the
 * health endpoint shows its details to.
 */
class ActuatorGuard extends OncePerRequestFilter {

	static final String ROLE = "HOPPER_ADMIN";

	private final AdminKey adminKey;

	private final HandlerExceptionResolver problems;

	ActuatorGuard(AdminKey adminKey, HandlerExceptionResolver problems) {
		this.adminKey = adminKey;
		this.problems = problems;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		boolean operator = this.adminKey.matches(PresentedKey.of(request));
		if (operator) {
			chain.doFilter(new Operator(request), response);
		}
		else if (path.equals("/actuator/health") || path.startsWith("/actuator/health/")) {
			chain.doFilter(request, response);
		}
		else {
			this.problems.resolveException(request, response, null, !this.adminKey.isSet()
					? ApiProblem.notFound("not_found", "No such endpoint")
					: new ApiProblem(HttpStatus.UNAUTHORIZED, "invalid_admin_key",
							"The actuator's endpoints other than health need the admin key"));
		}
	}

	/** A request that proved the admin key. */
	private static final class Operator extends HttpServletRequestWrapper {

		Operator(HttpServletRequest request) {
			super(request);
		}

		@Override
		public boolean isUserInRole(String role) {
			return ROLE.equals(role);
		}

		@Override
		public Principal getUserPrincipal() {
			return () -> "operator";
		}

	}

}
