package org.curveball.session.testing;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Installs BlockHound when the test JVM starts, before any test has started a thread,
 * where the system property {@value #PROPERTY} is {@code true}: the build's reactive test
 * run sets it. Installed later, BlockHound would instrument the thread pools of Reactor's
 * schedulers while their threads wait inside them, which breaks their locks.
 */
public final class BlockHoundLauncherSessionListener implements LauncherSessionListener {

	/**
	 * The system property that asks for BlockHound.
	 */
	public static final String PROPERTY = "curveball.test.blockhound";

	@Override
	public void launcherSessionOpened(LauncherSession session) {
		if (Boolean.getBoolean(PROPERTY)) {
			BlockHoundExtension.install();
		}
	}

}
