package org.curveball.session.sample;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.curveball.session.sample.testing.Json;
import org.curveball.session.sample.testing.ProblemResponses;
import org.curveball.session.sample.testing.SampleClient;
import org.curveball.session.sample.testing.SessionIdLeaks;
import org.curveball.session.sample.testing.SetCookie;
import org.curveball.session.testing.Failover;
import org.springframework.boot.test.system.CapturedOutput;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests sent to the sample while Redis fails over, and what they were answered: the
 * sessions whose master was killed are read, then written, over and over until each has
 * been served again, while the other sessions are read in the background throughout.
 */
final class FailoverTraffic {

	/**
	 * How long after a promotion every session of the killed master must be served again,
	 * read and written.
	 */
	static final Duration RECOVERY_BOUND = Duration.ofSeconds(5);

	// A request may take a little longer than the command timeout on a loaded machine
	private static final Duration RESPONSE_MARGIN = Duration.ofMillis(1500);

	// The promotion is seen within this much of its happening
	private static final Duration PROMOTION_SEEN_LATE = Duration.ofMillis(50);

	private static final Duration PAUSE = Duration.ofMillis(20);

	private static final Duration GIVE_UP_AFTER = Duration.ofSeconds(60);

	private static final Log logger = LogFactory.getLog(FailoverTraffic.class);

	private final SampleClient http;

	private final Failover failover;

	private final List<Answer> affectedAnswers = Collections.synchronizedList(new ArrayList<>());

	private final List<Answer> unaffectedAnswers = Collections.synchronizedList(new ArrayList<>());

	private final Map<StoredSession, Instant> written = new LinkedHashMap<>();

	private FailoverTraffic(SampleClient http, Failover failover) {
		this.http = http;
		this.failover = failover;
	}

	/**
	 * Drive requests through a failover that has just started, until every affected
	 * session was read with its values and written after the promotion.
	 * @param http the client
	 * @param failover the failover under way
	 * @param affected sessions whose keys the killed master held
	 * @param unaffected sessions whose keys other masters hold, read throughout
	 * @return what was answered
	 */
	static FailoverTraffic drive(SampleClient http, Failover failover, List<StoredSession> affected,
			List<StoredSession> unaffected) {
		FailoverTraffic traffic = new FailoverTraffic(http, failover);
		AtomicBoolean done = new AtomicBoolean();
		Thread reader = new Thread(() -> {
			while (!done.get()) {
				unaffected.forEach((session) -> traffic.unaffectedAnswers.add(traffic.read(session)));
				pause();
			}
		}, "unaffected-sessions-reader");
		reader.start();
		try {
			traffic.driveAffected(affected);
		}
		finally {
			done.set(true);
			join(reader);
		}
		return traffic;
	}

	private void driveAffected(List<StoredSession> affected) {
		Instant deadline = this.failover.killedAt().plus(GIVE_UP_AFTER);
		while (this.written.size() < affected.size() && Instant.now().isBefore(deadline)) {
			for (StoredSession session : affected) {
				if (!this.written.containsKey(session)) {
					readThenWrite(session);
				}
			}
			pause();
		}
	}

	// Between rounds, so that requests answered at once do not take the machine's CPU
	private static void pause() {
		try {
			Thread.sleep(PAUSE.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private void readThenWrite(StoredSession session) {
		Answer read = read(session);
		this.affectedAnswers.add(read);
		if (read.status() == 200 && this.failover.promotion().isPresent()) {
			Answer write = send(session,
					this.http.put("/api/session/failedOver", "true").cookie(session.cookie().pair()));
			this.affectedAnswers.add(write);
			if (write.status() == 200) {
				this.written.put(session, write.sentAt().plus(write.took()));
			}
		}
	}

	private Answer read(StoredSession session) {
		return send(session, this.http.get("/api/session").cookie(session.cookie().pair()));
	}

	private static Answer send(StoredSession session, SampleClient.Call call) {
		Instant sent = Instant.now();
		long start = System.nanoTime();
		HttpResponse<String> response = call.send();
		return new Answer(session, sent, Duration.ofNanos(System.nanoTime() - start), response);
	}

	private static void join(Thread thread) {
		try {
			thread.join();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while waiting for " + thread.getName(), ex);
		}
	}

	/**
	 * Check what a user would notice: sessions of other masters answered {@code 200} with
	 * their values throughout; those of the killed master answered only {@code 200} or a
	 * clean {@code 503}, each within the command timeout; each of them was served with
	 * its values and written within {@link #RECOVERY_BOUND} of the promotion; and log how
	 * long that took.
	 * @param topology the kind of Redis, for the log
	 * @param commandTimeout the sessions' command timeout
	 */
	void assertRecoveredInTime(String topology, Duration commandTimeout) {
		Instant promotion = this.failover.awaitPromotion(Duration.ofSeconds(1));
		synchronized (this.unaffectedAnswers) {
			assertThat(this.unaffectedAnswers).as("answers to the sessions of the other masters")
				.allSatisfy(Answer::assertServedWithItsValues);
		}
		synchronized (this.affectedAnswers) {
			assertThat(this.affectedAnswers).as("answers to the sessions of the killed master")
				.allSatisfy((answer) -> answer.assertServedOrClean503Within(commandTimeout.plus(RESPONSE_MARGIN)));
			assertThat(this.affectedAnswers).as("the sessions of the killed master, before the promotion")
				.filteredOn(
						(answer) -> answer.sentAt().plus(answer.took()).isBefore(promotion.minus(PROMOTION_SEEN_LATE)))
				.allSatisfy((answer) -> assertThat(answer.status()).isEqualTo(503));
			this.affectedAnswers.stream()
				.filter((answer) -> answer.status() == 200)
				.forEach(Answer::assertServedWithItsValues);
		}
		assertThat(this.written).as("sessions of the killed master written after the promotion")
			.hasSize(this.affectedAnswers.stream().map(Answer::session).distinct().toList().size());
		Instant recovered = Collections.max(this.written.values());
		Duration recovery = Duration.between(promotion, recovered);
		logger.info(
				"%s failover: replica promoted %d ms after the master was killed; its sessions were read and written again %d ms after the promotion"
					.formatted(topology, Duration.between(this.failover.killedAt(), promotion).toMillis(),
							recovery.toMillis()));
		assertThat(recovery).as("time from the promotion until every session was read and written")
			.isLessThanOrEqualTo(RECOVERY_BOUND);
	}

	/**
	 * Check what operators read in the log meanwhile, beyond the warnings that the test
	 * class expects: no warning, no error, no stack trace, no session id.
	 * @param output the log written during the failover
	 */
	void assertLoggedNothingElse(CapturedOutput output) {
		String log = output.getOut() + output.getErr();
		assertThat(log.lines().filter((line) -> line.contains(" ERROR ") || line.contains(" WARN ")))
			.as("unexpected warnings and errors logged")
			.isEmpty();
		assertThat(log).as("a stack trace in the log").doesNotContain("\tat ");
		SessionIdLeaks.assertNoSessionId("the log", log,
				this.affectedAnswers.stream()
					.map((answer) -> answer.session().cookie().sessionId())
					.distinct()
					.toList());
	}

	/**
	 * A session stored before the failover.
	 *
	 * @param cookie its cookie
	 * @param json its values as the API answers them
	 */
	record StoredSession(SetCookie cookie, String json) {
	}

	/**
	 * One request and its answer.
	 *
	 * @param session the session it carried
	 * @param sentAt when it was sent
	 * @param took how long the answer took
	 * @param response the answer
	 */
	record Answer(StoredSession session, Instant sentAt, Duration took, HttpResponse<String> response) {

		int status() {
			return this.response.statusCode();
		}

		void assertServedWithItsValues() {
			assertThat(status()).as("status of %s", this.response.body()).isEqualTo(200);
			if (this.response.request().method().equals("GET")) {
				assertThat(Json.read(this.response.body())).isEqualTo(Json.read(this.session.json()));
			}
		}

		void assertServedOrClean503Within(Duration bound) {
			assertThat(status() == 200 || ProblemResponses.isClean503(this.response))
				.as("a 200 or a clean 503, not %d %s", status(), this.response.body())
				.isTrue();
			assertThat(this.took).as("time to answer").isLessThanOrEqualTo(bound);
		}

	}

}
