package org.curveball.session.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * Holds the package map of {@code docs/ARCHITECTURE.md}: which package may use which, so
 * that dependencies run one way, the engine knows no web stack and no Redis, the web
 * packages never talk to Redis, and only the auto-configuration knows Spring Boot.
 */
@AnalyzeClasses(packages = "org.curveball.session", importOptions = ImportOption.DoNotIncludeTests.class)
final class ArchitectureTests {

	private static final String API = "org.curveball.session";

	private static final String ENGINE = "org.curveball.session.core..";

	private static final String JSON = "org.curveball.session.json..";

	private static final String WEB = "org.curveball.session.web";

	private static final String SERVLET = "org.curveball.session.web.servlet..";

	@ArchTest
	static final ArchRule packagesAreLayered = layeredArchitecture().consideringOnlyDependenciesInLayers()
		.layer("API")
		.definedBy(API)
		.layer("JSON")
		.definedBy(JSON)
		.layer("Engine")
		.definedBy(ENGINE)
		.layer("Web")
		.definedBy(WEB)
		.layer("Servlet")
		.definedBy(SERVLET)
		.layer("Stores")
		.definedBy("org.curveball.session.redis..", "org.curveball.session.memory..")
		.layer("Metrics")
		.definedBy("org.curveball.session.micrometer..")
		.layer("AutoConfiguration")
		.definedBy("org.curveball.session.autoconfigure..")
		.whereLayer("AutoConfiguration")
		.mayNotBeAccessedByAnyLayer()
		.whereLayer("Servlet")
		.mayOnlyBeAccessedByLayers("AutoConfiguration")
		.whereLayer("Web")
		.mayOnlyBeAccessedByLayers("Servlet", "AutoConfiguration")
		.whereLayer("Engine")
		.mayOnlyBeAccessedByLayers("Servlet", "AutoConfiguration")
		.whereLayer("JSON")
		.mayOnlyBeAccessedByLayers("Engine", "Servlet", "AutoConfiguration")
		.whereLayer("Stores")
		.mayOnlyBeAccessedByLayers("AutoConfiguration")
		.whereLayer("Metrics")
		.mayOnlyBeAccessedByLayers("AutoConfiguration");

	private ArchitectureTests() {
	}

	@ArchTest
	static final ArchRule apiNeedsNoFramework = classes().that()
		.resideInAPackage(API)
		.should()
		.onlyDependOnClassesThat()
		.resideInAnyPackage("java..", "org.jspecify..", API);

	@ArchTest
	static final ArchRule engineKnowsNoWebStackAndNoRedis = classes().that()
		.resideInAPackage(ENGINE)
		.should()
		.onlyDependOnClassesThat()
		.resideInAnyPackage("java..", "org.jspecify..", "org.apache.commons.logging..", "tools.jackson..", API, ENGINE,
				JSON);

	@ArchTest
	static final ArchRule webLayerIsStackNeutral = noClasses().that()
		.resideInAPackage(WEB)
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("jakarta.servlet..", "org.springframework.web.servlet..",
				"org.springframework.web.server..", "org.springframework.web.reactive..", "reactor..");

	@ArchTest
	static final ArchRule webDoesNotTalkToRedis = noClasses().that()
		.resideInAPackage("org.curveball.session.web..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("org.springframework.data.redis..", "io.lettuce..");

	@ArchTest
	static final ArchRule onlyAutoConfigurationKnowsBoot = noClasses().that()
		.resideOutsideOfPackage("org.curveball.session.autoconfigure..")
		.should()
		.dependOnClassesThat()
		.resideInAPackage("org.springframework.boot..");

	@ArchTest
	static final ArchRule sessionPackagesHaveNoCycles = slices().matching("org.curveball.(**)")
		.should()
		.beFreeOfCycles();

}
