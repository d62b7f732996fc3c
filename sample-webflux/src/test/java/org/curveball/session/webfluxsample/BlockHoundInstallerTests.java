package org.curveball.session.webfluxsample;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import reactor.blockhound.BlockingOperationError;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link BlockHoundInstaller}: BlockHound is installed in every test of the
 * module, so a blocking call on a non-blocking thread fails.
 */
class BlockHoundInstallerTests {

	@Test
	void sleep_onAReactorParallelThread_failsWithBlockingOperationError() {
		Mono<Void> blocking = Mono.<Void>fromRunnable(() -> sleep(Duration.ofMillis(10)))
			.subscribeOn(Schedulers.parallel());
		assertThatExceptionOfType(RuntimeException.class).isThrownBy(blocking::block)
			.havingRootCause()
			.isInstanceOf(BlockingOperationError.class)
			.withMessageContaining("Thread.sleep");
	}

	private static void sleep(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
