package org.curveball.session.web.servlet;

import java.io.PrintWriter;
import java.io.Writer;

/**
 * A response body writer that runs an action before the body can leave for the client:
 * before a flush or close, and before a write whose characters could fill the container's
 * buffer, which commits the response. A character is counted as the three bytes it takes
 * at most in UTF-8, so that the action never comes too late.
 */
final class BeforeCommitWriter extends Writer {

	private static final int MAX_BYTES_PER_CHAR = 3;

	private final PrintWriter delegate;

	private final long bufferSize;

	private final Runnable beforeCommit;

	private long written;

	BeforeCommitWriter(PrintWriter delegate, int bufferSize, Runnable beforeCommit) {
		this.delegate = delegate;
		this.bufferSize = bufferSize;
		this.beforeCommit = beforeCommit;
	}

	@Override
	public void write(int c) {
		beforeWriting(1);
		this.delegate.write(c);
	}

	@Override
	public void write(char[] chars, int offset, int length) {
		beforeWriting(length);
		this.delegate.write(chars, offset, length);
	}

	@Override
	public void write(String string, int offset, int length) {
		beforeWriting(length);
		this.delegate.write(string, offset, length);
	}

	@Override
	public void flush() {
		this.beforeCommit.run();
		this.delegate.flush();
	}

	@Override
	public void close() {
		this.beforeCommit.run();
		this.delegate.close();
	}

	private void beforeWriting(int length) {
		long before = this.written;
		this.written += (long) length * MAX_BYTES_PER_CHAR;
		if (before < this.bufferSize && this.written >= this.bufferSize) {
			this.beforeCommit.run();
		}
	}

}
