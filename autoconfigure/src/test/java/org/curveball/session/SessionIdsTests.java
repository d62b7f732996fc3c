package org.curveball.session;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link SessionIds} and {@link SecureRandomSessionIdGenerator}: Curveball's id
 * format, and the fingerprint that stands for an id in logs.
 */
class SessionIdsTests {

	private static final int COUNT = 10_000;

	private final SecureRandomSessionIdGenerator generator = new SecureRandomSessionIdGenerator();

	@Test
	void generate_idsAre44CharactersOfPaddedBase64Decoding32Bytes() {
		for (int i = 0; i < COUNT; i++) {
			String id = this.generator.generate();
			assertThat(id).hasSize(SessionIds.LENGTH).matches("[A-Za-z0-9+/]{43}=");
			assertThat(Base64.getDecoder().decode(id)).hasSize(SessionIds.BYTES);
			assertThat(SessionIds.isWellFormed(id)).isTrue();
		}
	}

	@Test
	void generate_idsAreDistinct() {
		Set<String> ids = new HashSet<>();
		for (int i = 0; i < COUNT; i++) {
			ids.add(this.generator.generate());
		}
		assertThat(ids).hasSize(COUNT);
	}

	@Test
	void generate_separateGenerators_makeDifferentIds() {
		assertThat(new SecureRandomSessionIdGenerator().generate())
			.isNotEqualTo(new SecureRandomSessionIdGenerator().generate());
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "abc=", "ab+/cdEFghIJklMNopQRstUVwxYZ0123456789+/abc",
			"ab+/cdEFghIJklMNopQRstUVwxYZ0123456789+/ab==", "ab+/cdEFghIJklMNopQRstUVwxYZ0123456789+/abcd",
			"ab-_cdEFghIJklMNopQRstUVwxYZ0123456789-_abc=", "ab+/cd FghIJklMNopQRstUVwxYZ0123456789+/abc=",
			"ab+/cdEFghIJklMNopQRstUVwxYZ0123456789+/abc==" })
	void isWellFormed_notCurveballFormat_returnsFalse(String value) {
		assertThat(SessionIds.isWellFormed(value)).isFalse();
	}

	@Test
	void isWellFormed_null_returnsFalse() {
		assertThat(SessionIds.isWellFormed(null)).isFalse();
	}

	@Test
	void fingerprint_isTwelveHexDigits() {
		assertThat(SessionIds.fingerprint(this.generator.generate())).matches("[0-9a-f]{12}");
	}

	@Test
	void fingerprint_sameIdInSameJvm_isStable() {
		String id = this.generator.generate();
		assertThat(SessionIds.fingerprint(id)).isEqualTo(SessionIds.fingerprint(new String(id)));
	}

	@Test
	void fingerprint_differentIds_differ() {
		Set<String> fingerprints = new HashSet<>();
		for (int i = 0; i < 1000; i++) {
			fingerprints.add(SessionIds.fingerprint(this.generator.generate()));
		}
		assertThat(fingerprints).hasSize(1000);
	}

	@Test
	void fingerprint_doesNotContainIdOrItsParts() {
		for (int i = 0; i < 1000; i++) {
			String id = this.generator.generate();
			String fingerprint = SessionIds.fingerprint(id);
			assertThat(id).doesNotContain(fingerprint.substring(0, 8));
			assertThat(fingerprint).doesNotContain(id.substring(0, 8));
		}
	}

	@Test
	void fingerprint_isNotAnUnsaltedHashOfId() throws Exception {
		String id = this.generator.generate();
		byte[] sha256 = MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.UTF_8));
		assertThat(SessionIds.fingerprint(id)).isNotEqualTo(HexFormat.of().formatHex(sha256, 0, 6));
	}

}
