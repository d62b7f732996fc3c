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
 * packages never talk to Redis, only the Spring Security glue and the auto-configuration
 * know Spring Security, and only the auto-configuration knows Spring Boot.
 */
@AnalyzeClasses(packages = "org.curveball.session", importOptions = ImportOption.DoNotIncludeTests.class)
final class ArchitectureTests {

	private static final String API = "org.curveball.session";

	private static final String ENGINE = "org.curveball.session.core..";

	private static final String JSON = "org.curveball.session.json..";

	private static final String WEB = "org.curveball.session.web";

	private static final String SERVLET = "org.curveball.session.web.servlet..";

	private static final String REACTIVE = "org.curveball.session.web.reactive..";

	private static final String PRINCIPALS = "org.curveball.session.principal";

	private static final String SECURITY = "org.curveball.session.security..";

	private static final String AUTOCONFIGURE = "org.curveball.session.autoconfigure..";

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
		.layer("Reactive")
		.definedBy(REACTIVE)
		.layer("Stores")
		.definedBy("org.curveball.session.redis..", "org.curveball.session.memory..")
		.layer("Principals")
		.definedBy(PRINCIPALS)
		.layer("PrincipalStores")
		.definedBy("org.curveball.session.principal.redis..")
		.layer("Security")
		.definedBy(SECURITY)
		.layer("Metrics")
		.definedBy("org.curveball.session.micrometer..")
		.layer("AutoConfiguration")
		.definedBy(AUTOCONFIGURE)
		.whereLayer("AutoConfiguration")
		.mayNotBeAccessedByAnyLayer()
		.whereLayer("Security")
		.mayOnlyBeAccessedByLayers("AutoConfiguration")
		.whereLayer("Servlet")
		.mayOnlyBeAccessedByLayers("Security", "AutoConfiguration")
		.whereLayer("Reactive")
		.mayOnlyBeAccessedByLayers("Security", "AutoConfiguration")
		.whereLayer("Web")
		.mayOnlyBeAccessedByLayers("Servlet", "Reactive", "AutoConfiguration")
		.whereLayer("Engine")
		.mayOnlyBeAccessedByLayers("Web", "Servlet", "Reactive", "Security", "AutoConfiguration")
		.whereLayer("JSON")
		.mayOnlyBeAccessedByLayers("Engine", "Web", "Servlet", "Reactive", "Security", "AutoConfiguration")
		.whereLayer("Principals")
		.mayOnlyBeAccessedByLayers("PrincipalStores", "Security", "AutoConfiguration")
		.whereLayer("PrincipalStores")
		.mayOnlyBeAccessedByLayers("AutoConfiguration")
		.whereLayer("Stores")
		.mayOnlyBeAccessedByLayers("PrincipalStores", "AutoConfiguration")
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
	static final ArchRule principalsApiNeedsNoFramework = classes().that()
		.resideInAPackage(PRINCIPALS)
		.should()
		.onlyDependOnClassesThat()
		.resideInAnyPackage("java..", "org.jspecify..", API, PRINCIPALS);

	@ArchTest
	static final ArchRule onlySecurityGlueKnowsSpringSecurity = noClasses().that()
		.resideOutsideOfPackages(SECURITY, AUTOCONFIGURE)
		.should()
		.dependOnClassesThat()
		.resideInAPackage("org.springframework.security..");

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
		.resideOutsideOfPackage(AUTOCONFIGURE)
		.should()
		.dependOnClassesThat()
		.resideInAPackage("org.springframework.boot..");

	@ArchTest
	static final ArchRule sessionPackagesHaveNoCycles = slices().matching("org.curveball.(**)")
		.should()
		.beFreeOfCycles();

}
