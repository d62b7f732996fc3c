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
 * {@link ExpectedWarningsAppender}, which asks the running class's extension.
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
	 * Expect warnings that may or may not come, as a client's failed reconnection while
	 * Redis is stopped does, depending on when it tries.
	 * @param logger the class whose logger warns
	 * @param messagePart what each such warning's message holds
	 * @return the extension
	 */
	public static ExpectedWarnings possibly(Class<?> logger, String messagePart) {
		return new ExpectedWarnings(List.of(new Expectation(logger.getName(), messagePart, false)));
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

	/**
	 * Expect warnings that may or may not come too.
	 * @param logger the class whose logger warns
	 * @param messagePart what each such warning's message holds
	 * @return a new extension that expects them too
	 * @see #possibly(Class, String)
	 */
	public ExpectedWarnings andPossibly(Class<?> logger, String messagePart) {
		return andPossibly(logger.getName(), messagePart);
	}

	/**
	 * Expect warnings that may or may not come too.
	 * @param logger the logger's name
	 * @param messagePart what each such warning's message holds
	 * @return a new extension that expects them too
	 * @see #possibly(Class, String)
	 */
	public ExpectedWarnings andPossibly(String logger, String messagePart) {
		return with(new Expectation(logger, messagePart, false));
	}

	/**
	 * Expect the error Netty logs when a Redis client shuts down while it is connecting
	 * again to a server that was stopped: its handshake's time-out fires on an event loop
	 * that is already gone. Nothing is lost; it can only happen when Redis stopped.
	 * @return a new extension that expects it too
	 */
	public ExpectedWarnings andPossiblyShutdownDuringReconnect() {
		return andPossibly("io.netty.util.concurrent.DefaultPromise.rejectedExecution",
				"Failed to submit a listener notification task");
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
		running.compareAndSet(this, null);
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
