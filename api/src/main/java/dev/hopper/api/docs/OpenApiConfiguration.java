package dev.hopper.api.docs;

import java.util.List;
import java.util.Map;

import dev.hopper.api.auth.Tenant;
import dev.hopper.core.task.JobTypes;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeIn;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.utils.SpringDocUtils;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document ({@code /v3/api-docs}) and Swagger UI ({@code /swagger-ui.html}).
 * Every operation declares the API key and, as its default response, the one error
 * format: an RFC 9457 problem with a stable {@code code}.
 */
@Configuration(proxyBeanMethods = false)
@OpenAPIDefinition(info = @Info(title = "Hopper API", version = "v1",
		description = "Uploads and analysis requests are queued and processed by workers; clients follow their tasks."),
		security = @SecurityRequirement(name = OpenApiConfiguration.API_KEY))
@SecurityScheme(name = OpenApiConfiguration.API_KEY, type = SecuritySchemeType.APIKEY, in = SecuritySchemeIn.HEADER,
		paramName = "X-API-Key")
class OpenApiConfiguration {

	static final String API_KEY = "apiKey";

	/** The request bodies that name a job type. */
	private static final List<String> JOB_TYPE_BODIES = List.of("TaskUpload", "BatchUpload", "AnalysisRequest");

	static {
		// resolved from the API key, not sent by clients
		SpringDocUtils.getConfig().addRequestWrapperToIgnore(Tenant.class);
	}

	/** The job type of every request body is one of the registry's names. */
	/**
	 * The server the document names comes from configuration ({@code hopper.api.public-url},
	 * by default "/": the host that served it), never from the request's Host header.
	 */
	@Bean
	io.swagger.v3.oas.models.OpenAPI hopperOpenApi(
			@org.springframework.beans.factory.annotation.Value("${hopper.api.public-url:/}") String publicUrl) {
		return new io.swagger.v3.oas.models.OpenAPI()
			.servers(List.of(new io.swagger.v3.oas.models.servers.Server().url(publicUrl)));
	}

	@Bean
	@SuppressWarnings({ "rawtypes", "unchecked" })
	OpenApiCustomizer jobTypeNames(JobTypes types) {
		return (openApi) -> {
			Map<String, Schema> schemas = openApi.getComponents().getSchemas();
			for (String name : JOB_TYPE_BODIES) {
				Schema body = (schemas != null) ? schemas.get(name) : null;
				Schema type = (body != null && body.getProperties() != null)
						? (Schema) body.getProperties().get("type") : null;
				if (type != null) {
					type.setEnum(types.names());
				}
			}
		};
	}

	@Bean
	org.springdoc.core.customizers.OperationCustomizer declaredRefusals() {
		return ProblemResponses::declared;
	}

	@Bean
	OpenApiCustomizer resourceTagsAndKeyRefusals() {
		return ProblemResponses::byPath;
	}

	@Bean
	OpenApiCustomizer problemResponses() {
		return (openApi) -> {
			Schema<?> problem = new ObjectSchema().description("RFC 9457 problem details")
				.addProperty("type", new StringSchema().format("uri"))
				.addProperty("title", new StringSchema())
				.addProperty("status", new IntegerSchema())
				.addProperty("detail", new StringSchema())
				.addProperty("instance", new StringSchema().format("uri"))
				.addProperty("code", new StringSchema().description("stable, machine-readable reason"));
			openApi.getComponents().addSchemas("Problem", problem);
			ApiResponse asProblem = new ApiResponse().description("A refused or failed request")
				.content(new Content().addMediaType("application/problem+json",
						new MediaType().schema(new Schema<>().$ref("#/components/schemas/Problem"))));
			openApi.getPaths()
				.values()
				.forEach((path) -> path.readOperations()
					.forEach((operation) -> operation.getResponses().addApiResponse("default", asProblem)));
		};
	}

}
