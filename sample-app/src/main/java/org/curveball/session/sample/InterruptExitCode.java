package org.curveball.session.sample;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;

import org.apache.commons.logging.LogFactory;

/**
 * Makes the JVM end with exit code 130, as after Ctrl-C, when it is stopped with
 * {@code SIGTERM}; turned on by the system property {@value #PROPERTY}, which the
 * sample's pom sets for {@code spring-boot:run} only.
 * <p>
 * Ctrl-C in a terminal interrupts Maven and the application together, and the plugin
 * takes the application's exit code 130 as a normal end. Maven interrupted alone (by an
 * IDE's stop button or a script) waits five seconds, then stops the application with
 * {@code SIGTERM}; the JVM's own exit code for it, 143, would make the plugin report
 * "BUILD FAILURE … exit code 143". The handler is installed through reflection, since
 * {@code sun.misc.Signal} (module {@code jdk.unsupported}) is not one of the APIs a
 * compiler or a style check accepts without a warning.
 */
final class InterruptExitCode {

	/**
	 * The system property that turns this on when {@code true}.
	 */
	static final String PROPERTY = "sample.sigterm-exits-as-interrupted";

	private static final int INTERRUPTED = 130;

	private InterruptExitCode() {
	}

	static void installIfAsked() {
		if (!Boolean.getBoolean(PROPERTY)) {
			return;
		}
		try {
			Class<?> signal = Class.forName("sun.misc.Signal");
			Class<?> handlerType = Class.forName("sun.misc.SignalHandler");
			InvocationHandler exit = (proxy, method, args) -> switch (method.getName()) {
				case "handle" -> {
					System.exit(INTERRUPTED);
					yield null;
				}
				case "equals" -> proxy == args[0];
				case "hashCode" -> System.identityHashCode(proxy);
				default -> "exit " + INTERRUPTED;
			};
			Object handler = Proxy.newProxyInstance(handlerType.getClassLoader(), new Class<?>[] { handlerType }, exit);
			signal.getMethod("handle", signal, handlerType)
				.invoke(null, signal.getConstructor(String.class).newInstance("TERM"), handler);
		}
		catch (ReflectiveOperationException | RuntimeException ex) {
			LogFactory.getLog(InterruptExitCode.class).warn("SIGTERM ends the sample with exit code 143: " + ex);
		}
	}

}
