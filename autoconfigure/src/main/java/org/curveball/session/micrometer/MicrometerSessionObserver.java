package org.curveball.session.micrometer;

import java.time.Duration;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import org.curveball.session.SessionObserver;

/**
 * Records what sessions do as Micrometer meters:
 * <ul>
 * <li>{@code curveball.session.store} (timer), tagged {@code operation} ({@code load},
 * {@code save}, {@code delete}) and {@code outcome};</li>
 * <li>{@code curveball.session.created}, {@code curveball.session.ended},
 * {@code curveball.session.regenerated}, {@code curveball.session.save.conflicts} and
 * {@code curveball.session.cookies.rejected} (counters).</li>
 * </ul>
 */
public final class MicrometerSessionObserver implements SessionObserver {

	private final MeterRegistry registry;

	private final Counter created;

	private final Counter ended;

	private final Counter regenerated;

	private final Counter conflicts;

	private final Counter rejectedCookies;

	/**
	 * Create an observer that registers its meters in a registry.
	 * @param registry the registry
	 */
	public MicrometerSessionObserver(MeterRegistry registry) {
		this.registry = registry;
		this.created = counter("curveball.session.created", "Sessions stored under a new id");
		this.ended = counter("curveball.session.ended", "Sessions deleted: ended, emptied or past their lifetime");
		this.regenerated = counter("curveball.session.regenerated", "Sessions moved to a new id");
		this.conflicts = counter("curveball.session.save.conflicts",
				"Saves that met a concurrent change and were merged and retried");
		this.rejectedCookies = counter("curveball.session.cookies.rejected",
				"Session cookies ignored because they cannot be an id");
	}

	@Override
	public void storeOperation(String operation, String outcome, Duration duration) {
		Timer.builder("curveball.session.store")
			.description("Session store operations")
			.tag("operation", operation)
			.tag("outcome", outcome)
			.register(this.registry)
			.record(duration);
	}

	@Override
	public void sessionCreated() {
		this.created.increment();
	}

	@Override
	public void sessionEnded() {
		this.ended.increment();
	}

	@Override
	public void sessionRegenerated() {
		this.regenerated.increment();
	}

	@Override
	public void saveConflict() {
		this.conflicts.increment();
	}

	@Override
	public void cookieRejected() {
		this.rejectedCookies.increment();
	}

	private Counter counter(String name, String description) {
		return Counter.builder(name).description(description).register(this.registry);
	}

}
