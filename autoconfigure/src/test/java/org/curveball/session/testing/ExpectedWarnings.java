package org.curveball.session.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * JUnit extension for a test class that provokes warnings on purpose (stored data that is
 * not a session, Redis stopped under the application): it names the warnings it expects,
 * keeps them out of the build's output while the class runs, and fails the class if one
 * of them never came, so that a green build prints only what nobody expected.
 * <p>
 * Register it on a static field: <pre class="code">
 * &#64;RegisterExtension
 * static final ExpectedWarnings warnings = ExpectedWarnings.from(LazySession.class, "Ignoring stored session");
 * </pre> The tests' {@code logback-test.xml} routes every event through
 * {@link ExpectedWarningsAppender}, which asks the running class's extension. The
 * expectations hold until the next test class starts ({@link ExpectedWarningsListener}),
 * so that what the class's application logs as it closes is covered too.
 */
public final class ExpectedWarnings implements BeforeAllCallback, AfterAllCallback {

	private static final AtomicReference<@Nullable ExpectedWarnings> running = new AtomicReference<>();

	private final List<Expectation> expectations;

	private final List<ILoggingEvent> captured = new ArrayList<>();

	private ExpectedWarnings(List<Expectation> expectations) {
		this.expectations = expectations;
	}

	/**
	 * Expect warnings of a class's logger.
	 * @param logger the class whose logger warns
	 * @param messagePart what each expected warning's message holds
	 * @return the extension
	 */
	public static ExpectedWarnings from(Class<?> logger, String messagePart) {
		return from(logger.getName(), messagePart);
	}

	/**
	 * Expect warnings of a logger.
	 * @param logger the logger's name
	 * @param messagePart what each expected warning's message holds
	 * @return the extension
	 */
	public static ExpectedWarnings from(String logger, String messagePart) {
		return new ExpectedWarnings(List.of(new Expectation(logger, messagePart, true)));
	}

	/**
	 * Expect other warnings too.
	 * @param logger the class whose logger warns
	 * @param messagePart what each expected warning's message holds
	 * @return a new extension that expects all of them
	 */
	public ExpectedWarnings and(Class<?> logger, String messagePart) {
		return and(logger.getName(), messagePart);
	}

	/**
	 * Expect other warnings too.
	 * @param logger the logger's name
	 * @param messagePart what each expected warning's message holds
	 * @return a new extension that expects all of them
	 */
	public ExpectedWarnings and(String logger, String messagePart) {
		return with(new Expectation(logger, messagePart, true));
	}

	private ExpectedWarnings andPossibly(String logger, String messagePart) {
		return with(new Expectation(logger, messagePart, false));
	}

	/**
	 * Expect what a Redis client may log while the Redis it uses is stopped: Lettuce's
	 * failed reconnections, which come or not depending on when it tries, its failed
	 * attempts to read a cluster's layout from a node that is down, and the error Netty
	 * logs when the client shuts down while it is reconnecting (its handshake's time-out
	 * fires on an event loop that is already gone). Nothing is lost in any.
	 * @return a new extension that expects them too
	 */
	public ExpectedWarnings andPossiblyReconnecting() {
		return andPossibly("io.lettuce.core.protocol.ConnectionWatchdog", "Cannot reconnect")
			.andPossibly("io.lettuce.core.cluster.topology.DefaultClusterTopologyRefresh", "Unable to connect")
			.andPossibly("io.netty.util.concurrent.DefaultPromise.rejectedExecution",
					"Failed to submit a listener notification task");
	}

	/**
	 * Expect only what a Redis client may log while the Redis it uses is stopped.
	 * @return the extension
	 * @see #andPossiblyReconnecting()
	 */
	public static ExpectedWarnings possiblyReconnecting() {
		return new ExpectedWarnings(List.of()).andPossiblyReconnecting();
	}

	/**
	 * Return the expected warnings captured so far, for a test that checks what they say.
	 * @return their formatted messages, each followed by its stack trace if it has one,
	 * in order
	 */
	public List<String> messages() {
		synchronized (this.captured) {
			return this.captured.stream().map(ExpectedWarnings::format).toList();
		}
	}

	@Override
	public void beforeAll(ExtensionContext context) {
		if (!isNested(context)) {
			running.set(this);
		}
	}

	@Override
	public void afterAll(ExtensionContext context) {
		if (isNested(context)) {
			return;
		}
		List<ILoggingEvent> events;
		synchronized (this.captured) {
			events = List.copyOf(this.captured);
			this.captured.clear();
		}
		for (Expectation expectation : this.expectations) {
			if (expectation.required()) {
				assertThat(events)
					.as("warnings of %s holding '%s' that this test class expects", expectation.logger(),
							expectation.messagePart())
					.anySatisfy((event) -> assertThat(expectation.matches(event)).isTrue());
			}
		}
	}

	/**
	 * Forget the expectations of the test class before, whose application has closed.
	 */
	static void testClassStarted() {
		running.set(null);
	}

	/**
	 * Keep an event if the running test class expects it.
	 * @param event the event
	 * @return {@code true} if it was kept, {@code false} if it is for the output
	 */
	static boolean keep(ILoggingEvent event) {
		ExpectedWarnings expected = running.get();
		if (expected == null || expected.expectations.stream().noneMatch((expectation) -> expectation.matches(event))) {
			return false;
		}
		synchronized (expected.captured) {
			expected.captured.add(event);
		}
		return true;
	}

	private static String format(ILoggingEvent event) {
		IThrowableProxy throwable = event.getThrowableProxy();
		return (throwable != null) ? event.getFormattedMessage() + "\n" + ThrowableProxyUtil.asString(throwable)
				: event.getFormattedMessage();
	}

	private ExpectedWarnings with(Expectation expectation) {
		List<Expectation> all = new ArrayList<>(this.expectations);
		all.add(expectation);
		return new ExpectedWarnings(List.copyOf(all));
	}

	private static boolean isNested(ExtensionContext context) {
		return context.getRequiredTestClass().isAnnotationPresent(Nested.class);
	}

	/**
	 * A warning a test class expects: its logger and a part of its message.
	 *
	 * @param logger the logger's name
	 * @param messagePart what the message holds
	 * @param required whether the test class fails if it never came
	 */
	private record Expectation(String logger, String messagePart, boolean required) {

		boolean matches(ILoggingEvent event) {
			return event.getLevel().isGreaterOrEqual(Level.WARN) && event.getLoggerName().equals(this.logger)
					&& event.getFormattedMessage().contains(this.messagePart);
		}

	}

}
