package org.curveball.session.web.servlet;

import java.io.IOException;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;

/**
 * A response body stream that runs an action before the body can leave for the client:
 * before a flush or close, and before a write that could fill the container's buffer,
 * which commits the response.
 */
final class BeforeCommitOutputStream extends ServletOutputStream {

	private final ServletOutputStream delegate;

	private final long bufferSize;

	private final Runnable beforeCommit;

	private long written;

	BeforeCommitOutputStream(ServletOutputStream delegate, int bufferSize, Runnable beforeCommit) {
		this.delegate = delegate;
		this.bufferSize = bufferSize;
		this.beforeCommit = beforeCommit;
	}

	@Override
	public void write(int b) throws IOException {
		beforeWriting(1);
		this.delegate.write(b);
	}

	@Override
	public void write(byte[] bytes, int offset, int length) throws IOException {
		beforeWriting(length);
		this.delegate.write(bytes, offset, length);
	}

	@Override
	public void flush() throws IOException {
		this.beforeCommit.run();
		this.delegate.flush();
	}

	@Override
	public void close() throws IOException {
		this.beforeCommit.run();
		this.delegate.close();
	}

	@Override
	public boolean isReady() {
		return this.delegate.isReady();
	}

	@Override
	public void setWriteListener(WriteListener writeListener) {
		this.delegate.setWriteListener(writeListener);
	}

	private void beforeWriting(int length) {
		long before = this.written;
		this.written += length;
		if (before < this.bufferSize && this.written >= this.bufferSize) {
			this.beforeCommit.run();
		}
	}

}
