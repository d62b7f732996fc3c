package org.curveball.session.web.servlet;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.StringLength;
import org.jspecify.annotations.Nullable;

import org.curveball.session.SessionIds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.curveball.session.web.servlet.SessionCookies.encodeURIComponent;
import static org.curveball.session.web.servlet.SessionCookies.readId;

/**
 * Property tests for {@link SessionCookieCodec#readId}: whatever a client sends, reading
 * never throws and yields either nothing or a well-formed id, and every id encoded as
 * Curveball encodes it is read back.
 */
class SessionCookieFuzzTests {

	private static final String BASE64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

	@Property(tries = 2000)
	void readId_anyCookieValue_returnsNullOrWellFormedId(@ForAll String value) {
		assertNullOrWellFormed(readId("CB=" + value));
	}

	@Property(tries = 2000)
	void readId_anyCookieHeader_returnsNullOrWellFormedId(@ForAll String header) {
		assertNullOrWellFormed(readId(header));
	}

	@Property(tries = 2000)
	void readId_anyBytesAsCookieValue_returnsNullOrWellFormedId(@ForAll byte[] bytes) {
		assertNullOrWellFormed(readId("CB=" + new String(bytes, StandardCharsets.ISO_8859_1)));
	}

	@Property(tries = 2000)
	void readId_idLikeValuesWithPercentSigns_returnsNullOrWellFormedId(@ForAll("idLikeValues") String value) {
		assertNullOrWellFormed(readId("CB=" + value));
	}

	@Property(tries = 2000)
	void readId_idEncodedAsEncodeUriComponent_returnsId(@ForAll("ids") String id) {
		assertThat(readId("theme=dark; CB=" + encodeURIComponent(id))).isEqualTo(id);
	}

	@Property(tries = 2000)
	void readId_idWithSomeCharactersEncoded_returnsId(@ForAll("ids") String id, @ForAll long choices) {
		StringBuilder value = new StringBuilder();
		for (int i = 0; i < id.length(); i++) {
			char c = id.charAt(i);
			boolean encode = ((choices >>> (i % 64)) & 1) == 1;
			value.append(encode ? encodeURIComponent(String.valueOf(c)) : String.valueOf(c));
		}
		assertThat(readId("CB=" + value)).isEqualTo(id);
	}

	@Property(tries = 2000)
	void readId_base64OfWrongLength_returnsNull(@ForAll("wrongLengthBase64") String value) {
		assertThat(readId("CB=" + encodeURIComponent(value))).isNull();
	}

	@Property(tries = 2000)
	void readId_quotedId_returnsNull(@ForAll("ids") String id) {
		assertThat(readId("CB=\"" + encodeURIComponent(id) + "\"")).isNull();
	}

	@Property(tries = 2000)
	void readId_longValue_returnsNull(@ForAll("ids") String id,
			@ForAll @StringLength(min = 1, max = 8192) String tail) {
		assertThat(readId("CB=" + encodeURIComponent(id) + encodeURIComponent(tail))).isNull();
	}

	@Provide
	Arbitrary<String> ids() {
		return Arbitraries.bytes()
			.array(byte[].class)
			.ofSize(SessionIds.BYTES)
			.map(Base64.getEncoder()::encodeToString);
	}

	@Provide
	Arbitrary<String> wrongLengthBase64() {
		return Arbitraries.bytes()
			.array(byte[].class)
			.ofMaxSize(64)
			.filter((bytes) -> bytes.length != SessionIds.BYTES)
			.map(Base64.getEncoder()::encodeToString);
	}

	@Provide
	Arbitrary<String> idLikeValues() {
		Arbitrary<String> pieces = Arbitraries.oneOf(Arbitraries.strings().withChars(BASE64 + "=").ofLength(1),
				Arbitraries.strings().withChars("%0123456789abcdefABCDEFxyz").ofMinLength(1).ofMaxLength(3));
		return pieces.list().ofMinSize(40).ofMaxSize(60).map((list) -> String.join("", list));
	}

	private static void assertNullOrWellFormed(@Nullable String id) {
		if (id != null) {
			assertThat(id).hasSize(SessionIds.LENGTH).matches("[A-Za-z0-9+/]{43}=");
		}
	}

}
