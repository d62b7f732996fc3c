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
 * Thymeleaf reads a template from the class path the first time a page renders, then
 * keeps it parsed: that read is allowed, as it is the template engine's, not the
 * session's.
 */
public final class BlockHoundInstaller implements TestExecutionListener {

	@Override
	public void testPlanExecutionStarted(TestPlan testPlan) {
		BlockHound.install((builder) -> builder.allowBlockingCallsInside(
				"org.thymeleaf.spring6.templateresource.SpringResourceTemplateResource", "reader"));
	}

}
