package org.curveball.session;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * Makes session ids as Curveball does: 32 bytes (256 bits) from a {@link SecureRandom},
 * in standard Base64 with padding.
 */
public final class SecureRandomSessionIdGenerator implements SessionIdGenerator {

	private final SecureRandom random = new SecureRandom();

	@Override
	public String generate() {
		byte[] bytes = new byte[SessionIds.BYTES];
		this.random.nextBytes(bytes);
		return Base64.getEncoder().encodeToString(bytes);
	}

}
