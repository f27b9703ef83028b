package dev.hopper.standalone;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.type.filter.AnnotationTypeFilter;

/**
 * The deployment descriptions as data: {@code docker-compose.yml} and every manifest under
 * {@code deploy/k8s}, and what the apps read, so tests can hold one against the other.
 */
final class DeploymentFiles {

	static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

	private DeploymentFiles() {
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> compose() {
		return (Map<String, Object>) new Yaml().load(read(ROOT.resolve("docker-compose.yml")));
	}

	/** Every document of every YAML file under {@code deploy/k8s}, with the file it came from. */
	static List<Manifest> manifests() {
		List<Manifest> all = new ArrayList<>();
		try (Stream<Path> files = Files.walk(ROOT.resolve("deploy/k8s"))) {
			for (Path file : files.filter((f) -> f.toString().endsWith(".yaml")).sorted().toList()) {
				for (Object document : new Yaml().loadAll(read(file))) {
					if (document instanceof Map<?, ?> map) {
						all.add(new Manifest(ROOT.relativize(file).toString(), cast(map)));
					}
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return all;
	}

	/** The {@code KEY=value} lines of an env file (comments and blank lines skipped). */
	static Map<String, String> envFile(Path file) {
		Map<String, String> entries = new LinkedHashMap<>();
		for (String line : read(file).split("\n")) {
			String trimmed = line.strip();
			if (!trimmed.isEmpty() && !trimmed.startsWith("#")) {
				int equals = trimmed.indexOf('=');
				entries.put(trimmed.substring(0, equals), trimmed.substring(equals + 1));
			}
		}
		return entries;
	}

	/** An app's own configuration file, from its jar on the classpath. */
	static String appConfiguration(String app) {
		try (InputStream in = DeploymentFiles.class.getResourceAsStream("/hopper-" + app + ".yml")) {
			if (in == null) {
				throw new IllegalStateException("hopper-" + app + ".yml is not on the classpath");
			}
			return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Whether environment variable {@code name} sets something in {@code app}: a placeholder of
	 * the app's configuration names it, or Spring's relaxed binding maps it onto a property
	 * Hopper or Spring Boot declares.
	 */
	static boolean isSetting(String app, String name) {
		String configuration = appConfiguration(app);
		if (configuration.contains("${" + name + ":") || configuration.contains("${" + name + "}")) {
			return true;
		}
		ConfigurationPropertySource environment = ConfigurationPropertySources
			.from(new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, Map.of(name, "x")))
			.iterator()
			.next();
		return Properties.KNOWN.stream()
			.anyMatch((property) -> environment.getConfigurationProperty(ConfigurationPropertyName.of(property)) != null);
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> cast(Object map) {
		return (Map<String, Object>) map;
	}

	@SuppressWarnings("unchecked")
	static List<Object> list(Object list) {
		return (list != null) ? (List<Object>) list : List.of();
	}

	static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** One Kubernetes object. */
	record Manifest(String file, Map<String, Object> body) {

		String kind() {
			return (String) this.body.get("kind");
		}

		String name() {
			return (String) cast(this.body.get("metadata")).get("name");
		}

		/** A Deployment's pod spec. */
		Map<String, Object> podSpec() {
			return cast(cast(cast(this.body.get("spec")).get("template")).get("spec"));
		}

		List<Map<String, Object>> containers() {
			return list(podSpec().get("containers")).stream().map(DeploymentFiles::cast).toList();
		}

	}

	/** Every property Hopper's configuration records and Spring Boot's metadata declare. */
	private static final class Properties {

		static final Set<String> KNOWN = load();

		private static Set<String> load() {
			Set<String> names = new TreeSet<>();
			ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
			scanner.addIncludeFilter(new AnnotationTypeFilter(ConfigurationProperties.class));
			for (BeanDefinition candidate : scanner.findCandidateComponents("dev.hopper")) {
				Class<?> type = load(candidate.getBeanClassName());
				ConfigurationProperties annotation = type.getAnnotation(ConfigurationProperties.class);
				String prefix = annotation.value().isEmpty() ? annotation.prefix() : annotation.value();
				addComponents(names, prefix, type);
			}
			JsonMapper json = JsonMapper.builder().build();
			try {
				for (Resource metadata : new PathMatchingResourcePatternResolver()
					.getResources("classpath*:META-INF/spring-configuration-metadata.json")) {
					try (InputStream in = metadata.getInputStream()) {
						for (JsonNode property : json.readTree(in).path("properties")) {
							names.add(property.get("name").asString());
						}
					}
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			return names;
		}

		private static void addComponents(Set<String> names, String prefix, Class<?> type) {
			for (RecordComponent component : type.getRecordComponents()) {
				String name = prefix + "." + component.getName().replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase();
				Class<?> value = component.getType();
				if (value.isRecord() && value.getName().startsWith("dev.hopper")) {
					addComponents(names, name, value);
				}
				else {
					names.add(name);
				}
			}
		}

		private static Class<?> load(String name) {
			try {
				return Class.forName(name);
			}
			catch (ClassNotFoundException ex) {
				throw new IllegalStateException(ex);
			}
		}

	}

}
