package org.curveball.session.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * Holds the layering that DESIGN.md draws: the model knows no web, Redis or Boot; the web
 * packages never talk to Redis; only the auto-configuration knows Spring Boot.
 */
@AnalyzeClasses(packages = "org.curveball.session", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

	@ArchTest
	static final ArchRule modelDependsOnNoWebRedisOrBoot = noClasses().that()
		.resideInAPackage("org.curveball.session")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("org.springframework.web..", "jakarta.servlet..", "org.springframework.data.redis..",
				"org.springframework.boot..");

	@ArchTest
	static final ArchRule webDoesNotTalkToRedis = noClasses().that()
		.resideInAPackage("org.curveball.session.web..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("org.springframework.data.redis..", "org.curveball.session.redis..");

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
