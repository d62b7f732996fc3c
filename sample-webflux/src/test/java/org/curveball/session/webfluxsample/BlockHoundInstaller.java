package org.curveball.session.webfluxsample;

import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestPlan;
import reactor.blockhound.BlockHound;

/**
 * Installs BlockHound before the first test of the module runs, so that any blocking call
 * on a non-blocking thread (a Reactor Netty event loop, a Reactor parallel worker) throws
 * in the application under test and fails the test that caused it. Registered in
 * {@code META-INF/services}; the integrations that Reactor, Reactor Netty and Netty ship
 * (which name their non-blocking threads) are loaded with it.
 * <p>
 * Thymeleaf initializes its engine (reading its own version from its jar) when the first
 * page renders, and reads a template from the class path the first time it renders it,
 * then keeps it parsed; Spring Security WebFlux masks its CSRF token with bytes of a
 * {@code SecureRandom}, which reads {@code /dev/urandom} (never blocking on Linux). Those
 * reads are allowed: they are the template engine's and Spring Security's, not the
 * session's.
 */
public final class BlockHoundInstaller implements TestExecutionListener {

	@Override
	public void testPlanExecutionStarted(TestPlan testPlan) {
		BlockHound.install((builder) -> builder.allowBlockingCallsInside("org.thymeleaf.TemplateEngine", "initialize")
			.allowBlockingCallsInside("org.thymeleaf.templateparser.markup.AbstractMarkupTemplateParser", "parse")
			.allowBlockingCallsInside(
					"org.springframework.security.web.server.csrf.XorServerCsrfTokenRequestAttributeHandler",
					"createXoredCsrfToken"));
	}

}
