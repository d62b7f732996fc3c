package org.curveball.session.web.servlet;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.Objects;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.curveball.session.core.LazySession;
import org.curveball.session.core.SessionCommit;
import org.curveball.session.web.SessionProblems;

/**
 * A response that saves the request's session, and sets its cookie, before the first byte
 * of the body can reach the client: when the body is first asked for, on a flush, an
 * error or a redirect, and at the latest when the request ends. A session that comes into
 * being while the body is written (a page whose rendering creates a CSRF token, say) is
 * saved again before the body is flushed or fills the container's buffer, so that its
 * cookie still goes out.
 */
final class SessionSavingResponse extends HttpServletResponseWrapper {

	private static final Log logger = LogFactory.getLog(SessionSavingResponse.class);

	private final HttpServletRequest request;

	private final LazySession session;

	private final ServletSessionCookie cookies;

	private final SessionProblems problems;

	private boolean savedBeforeBody;

	private boolean failedBeforeBody;

	private @Nullable SessionCommit cookieSent;

	private @Nullable SessionCommit lastCommit;

	private @Nullable ServletOutputStream body;

	private @Nullable PrintWriter writer;

	SessionSavingResponse(HttpServletRequest request, HttpServletResponse response, LazySession session,
			ServletSessionCookie cookies, SessionProblems problems) {
		super(response);
		this.request = request;
		this.session = session;
		this.cookies = cookies;
		this.problems = problems;
	}

	@Override
	public ServletOutputStream getOutputStream() throws IOException {
		saveBeforeBody();
		ServletOutputStream body = this.body;
		if (body == null) {
			body = new BeforeCommitOutputStream(super.getOutputStream(), getBufferSize(),
					this::saveSessionCreatedWhileWriting);
			this.body = body;
		}
		return body;
	}

	@Override
	public PrintWriter getWriter() throws IOException {
		saveBeforeBody();
		PrintWriter writer = this.writer;
		if (writer == null) {
			writer = new PrintWriter(
					new BeforeCommitWriter(super.getWriter(), getBufferSize(), this::saveSessionCreatedWhileWriting));
			this.writer = writer;
		}
		return writer;
	}

	@Override
	public void flushBuffer() throws IOException {
		saveBeforeBody();
		super.flushBuffer();
	}

	@Override
	public void sendError(int sc) throws IOException {
		saveBeforeBody();
		super.sendError(sc);
	}

	@Override
	public void sendError(int sc, String msg) throws IOException {
		saveBeforeBody();
		super.sendError(sc, msg);
	}

	@Override
	public void sendRedirect(String location) throws IOException {
		saveBeforeBody();
		super.sendRedirect(location);
	}

	@Override
	public void sendRedirect(String location, int sc) throws IOException {
		saveBeforeBody();
		super.sendRedirect(location, sc);
	}

	@Override
	public void sendRedirect(String location, boolean clearBuffer) throws IOException {
		saveBeforeBody();
		super.sendRedirect(location, clearBuffer);
	}

	@Override
	public void sendRedirect(String location, int sc, boolean clearBuffer) throws IOException {
		saveBeforeBody();
		super.sendRedirect(location, sc, clearBuffer);
	}

	/**
	 * Save once the handler is done: whatever changed since an earlier save, and the
	 * cookie if the response can still take it. A failure is answered with its problem
	 * response when the response is not committed yet, and logged otherwise.
	 * <p>
	 * Nothing is saved again after a save before the body failed: that failure went to
	 * the handler's caller, which answered it, and a second attempt would hold the
	 * request for another timeout and could store what the client was told was not saved.
	 */
	void saveAtEnd() throws IOException {
		if (this.failedBeforeBody) {
			return;
		}
		try {
			save();
		}
		catch (RuntimeException ex) {
			SessionProblems.Problem problem = this.problems.problemFor(ex);
			if (problem == null) {
				throw ex;
			}
			HttpServletResponse response = (HttpServletResponse) getResponse();
			if (response.isCommitted()) {
				logger.error("Session could not be saved after the response was committed", ex);
				return;
			}
			logger.warn("Session could not be saved: " + ex.getMessage());
			response.reset();
			ServletProblems.write(problem, this.request, response);
		}
	}

	private void saveBeforeBody() {
		if (!this.savedBeforeBody) {
			this.savedBeforeBody = true;
			saveBeforeCommit();
		}
	}

	/**
	 * Save a session that did not exist when the body was first asked for and may exist
	 * now, while the response can still take its cookie.
	 */
	private void saveSessionCreatedWhileWriting() {
		SessionCommit previous = this.lastCommit;
		if (!this.failedBeforeBody && !isCommitted() && previous != null
				&& previous.outcome() == SessionCommit.Outcome.NONE && this.session.mayExist()) {
			saveBeforeCommit();
		}
	}

	private void saveBeforeCommit() {
		try {
			save();
		}
		catch (RuntimeException ex) {
			this.failedBeforeBody = true;
			throw ex;
		}
	}

	private void save() {
		SessionCommit commit = this.session.commit();
		this.lastCommit = commit;
		if (Objects.equals(commit, this.cookieSent) || !this.cookies.needsCookie(commit, this.request)) {
			return;
		}
		if (isCommitted()) {
			logger.warn("Session cookie could not be sent: the response was committed before the session was saved");
			return;
		}
		this.cookieSent = commit;
		HttpServletResponse response = (HttpServletResponse) getResponse();
		if (commit.id() != null) {
			this.cookies.write(this.request, response, commit.id());
		}
		else {
			this.cookies.expire(this.request, response);
		}
	}

}
