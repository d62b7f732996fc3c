package org.curveball.session;

import java.time.Duration;
import java.util.List;

/**
 * Tells each of several observers what sessions do, in order.
 *
 * @param observers the observers
 */
record CompositeSessionObserver(List<SessionObserver> observers) implements SessionObserver {

	@Override
	public void storeOperation(String operation, String outcome, Duration duration) {
		this.observers.forEach((observer) -> observer.storeOperation(operation, outcome, duration));
	}

	@Override
	public void sessionCreated() {
		this.observers.forEach(SessionObserver::sessionCreated);
	}

	@Override
	public void sessionEnded() {
		this.observers.forEach(SessionObserver::sessionEnded);
	}

	@Override
	public void sessionRegenerated() {
		this.observers.forEach(SessionObserver::sessionRegenerated);
	}

	@Override
	public void saveConflict() {
		this.observers.forEach(SessionObserver::saveConflict);
	}

	@Override
	public void cookieRejected() {
		this.observers.forEach(SessionObserver::cookieRejected);
	}

}
