package org.curveball.session.testing;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.blockhound.BlockingOperationError;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link BlockHoundExtension}: with it, a blocking call on a non-blocking
 * thread fails, so that the reactive tests would catch one.
 */
@ExtendWith(BlockHoundExtension.class)
class BlockHoundExtensionTests {

	@Test
	void sleepOnParallelScheduler_fails() {
		Mono<Void> blocking = Mono.fromRunnable(BlockHoundExtensionTests::sleep)
			.subscribeOn(Schedulers.parallel())
			.then();
		assertThatExceptionOfType(RuntimeException.class).isThrownBy(() -> blocking.block(Duration.ofSeconds(5)))
			.withCauseInstanceOf(BlockingOperationError.class);
	}

	private static void sleep() {
		try {
			Thread.sleep(10);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
