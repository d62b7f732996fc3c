package org.curveball.session;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Makes session ids as Curveball does: 32 bytes (256 bits) from a {@link SecureRandom},
 * in standard Base64 with padding.
 * <p>
 * The generator is the platform's {@code DRBG} (NIST SP 800-90A), seeded from the
 * operating system when this object is created: after that, an id costs no I/O, so that
 * making one on an event-loop thread never waits for {@code /dev/urandom} as the default
 * {@code NativePRNG} reads it on every call.
 */
public final class SecureRandomSessionIdGenerator implements SessionIdGenerator {

	private final SecureRandom random;

	/**
	 * Create a generator, seeded now.
	 */
	public SecureRandomSessionIdGenerator() {
		try {
			this.random = SecureRandom.getInstance("DRBG");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("This Java platform offers no DRBG SecureRandom", ex);
		}
		this.random.nextBytes(new byte[SessionIds.BYTES]);
	}

	@Override
	public String generate() {
		byte[] bytes = new byte[SessionIds.BYTES];
		this.random.nextBytes(bytes);
		return Base64.getEncoder().encodeToString(bytes);
	}

}
