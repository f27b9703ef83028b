package dev.hopper.standalone;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The dependency rules of docs/architecture.md, checked on the compiled classes. */
class ArchitectureTests {

	/** Main code only: test classes come from test-classes folders and the modules' test jars. */
	private static final JavaClasses HOPPER = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.withImportOption((location) -> !location.contains("-tests.jar"))
		.importPackages("dev.hopper");

	@Test
	void theApisFeaturePackagesHaveNoCycle() {
		slices().matching("dev.hopper.api.(*)..").should().beFreeOfCycles().check(HOPPER);
	}

	@Test
	void theWorkersAndTheJobsHaveNoCycle() {
		slices().matching("dev.hopper.(workers|jobs).(*)..").should().beFreeOfCycles().check(HOPPER);
	}

	@Test
	void coreKnowsNoFrameworkAndNoAdapter() {
		noClasses().that()
			.resideInAPackage("dev.hopper.core..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.springframework..", "dev.hopper.storage..", "dev.hopper.api..",
					"dev.hopper.workers..", "dev.hopper.jobs..", "com.mongodb..", "org.redisson..", "io.minio..")
			.check(HOPPER);
	}

	@Test
	void theApiCarriesNoEngineAndNoSpringBatch() {
		noClasses().that()
			.resideInAPackage("dev.hopper.api..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("dev.hopper.jobs..", "dev.hopper.workers..", "org.springframework.batch..")
			.check(HOPPER);
	}

	@Test
	void theJobsUseThePortsNotTheAdapters() {
		noClasses().that()
			.resideInAPackage("dev.hopper.jobs..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("dev.hopper.storage..", "dev.hopper.workers..", "dev.hopper.api..")
			.check(HOPPER);
	}

	@Test
	void adaptersDependOnlyOnCore() {
		noClasses().that()
			.resideInAPackage("dev.hopper.storage..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("dev.hopper.api..", "dev.hopper.workers..", "dev.hopper.jobs..")
			.check(HOPPER);
	}

}
