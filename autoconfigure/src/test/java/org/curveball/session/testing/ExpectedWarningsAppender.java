package org.curveball.session.testing;

import java.util.Iterator;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.UnsynchronizedAppenderBase;
import ch.qos.logback.core.spi.AppenderAttachable;
import ch.qos.logback.core.spi.AppenderAttachableImpl;

/**
 * The Logback appender of the tests ({@code logback-test.xml}): hands each event to the
 * {@link ExpectedWarnings} of the running test class, which keeps it if it expected it,
 * and passes every other event on to its own appenders. Declared in the configuration, it
 * survives Spring Boot's reset of Logback whenever an application starts.
 */
public final class ExpectedWarningsAppender extends UnsynchronizedAppenderBase<ILoggingEvent>
		implements AppenderAttachable<ILoggingEvent> {

	private final AppenderAttachableImpl<ILoggingEvent> appenders = new AppenderAttachableImpl<>();

	@Override
	protected void append(ILoggingEvent event) {
		if (!ExpectedWarnings.keep(event)) {
			this.appenders.appendLoopOnAppenders(event);
		}
	}

	@Override
	public void addAppender(Appender<ILoggingEvent> appender) {
		this.appenders.addAppender(appender);
	}

	@Override
	public Iterator<Appender<ILoggingEvent>> iteratorForAppenders() {
		return this.appenders.iteratorForAppenders();
	}

	@Override
	public Appender<ILoggingEvent> getAppender(String name) {
		return this.appenders.getAppender(name);
	}

	@Override
	public boolean isAttached(Appender<ILoggingEvent> appender) {
		return this.appenders.isAttached(appender);
	}

	@Override
	public void detachAndStopAllAppenders() {
		this.appenders.detachAndStopAllAppenders();
	}

	@Override
	public boolean detachAppender(Appender<ILoggingEvent> appender) {
		return this.appenders.detachAppender(appender);
	}

	@Override
	public boolean detachAppender(String name) {
		return this.appenders.detachAppender(name);
	}

}
