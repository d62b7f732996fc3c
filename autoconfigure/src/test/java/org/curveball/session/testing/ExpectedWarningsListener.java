package org.curveball.session.testing;

import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;

/**
 * Ends the {@link ExpectedWarnings} of a test class when the next top-level test class
 * starts, rather than when its own tests end: the application context of a class closes
 * after the class's callbacks, and what its shutdown logs (a client stopped while it
 * reconnects to the Redis the class stopped) is still the class's own.
 */
public final class ExpectedWarningsListener implements TestExecutionListener {

	@Override
	public void executionStarted(TestIdentifier testIdentifier) {
		TestSource source = testIdentifier.getSource().orElse(null);
		if (source instanceof ClassSource classSource && classSource.getJavaClass().getEnclosingClass() == null) {
			ExpectedWarnings.testClassStarted();
		}
	}

}
