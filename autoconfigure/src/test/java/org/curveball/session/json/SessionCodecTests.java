package org.curveball.session.json;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.DefaultTyping;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.jsontype.BasicPolymorphicTypeValidator;

import org.curveball.session.MalformedSessionException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link SessionCodec}: the stored JSON is Curveball's plain JSON object
 * whatever the application's mapper is configured to do.
 */
class SessionCodecTests {

	private static final String JSON = "{\"userId\":5,\"name\":\"Ada\",\"roles\":[\"admin\"],\"prefs\":{\"dark\":true}}";

	private final SessionCodec codec = new SessionCodec(JsonMapper.builder().build());

	@Test
	void read_jsonObject_returnsPlainValuesInStoredOrder() {
		Map<String, Object> values = this.codec.read(JSON);
		assertThat(values).containsExactly(Map.entry("userId", 5), Map.entry("name", "Ada"),
				Map.entry("roles", List.of("admin")), Map.entry("prefs", Map.of("dark", true)));
	}

	@Test
	void write_values_isCompactJsonInInsertionOrder() {
		assertThat(this.codec.write(this.codec.read(JSON))).isEqualTo(JSON);
	}

	@Test
	void write_applicationMapperIndentingAndSorting_isStillCompactAndInInsertionOrder() {
		SessionCodec codec = new SessionCodec(JsonMapper.builder()
			.enable(SerializationFeature.INDENT_OUTPUT, SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
			.build());
		assertThat(codec.write(codec.read(JSON))).isEqualTo(JSON);
	}

	@Test
	void read_applicationMapperWithDefaultTyping_readsPlainJson() {
		assertThat(defaultTypingCodec().read(JSON)).isEqualTo(this.codec.read(JSON));
	}

	@Test
	void write_applicationMapperWithDefaultTyping_writesNoTypeIds() {
		Map<String, Object> values = new LinkedHashMap<>(this.codec.read(JSON));
		assertThat(defaultTypingCodec().write(values)).isEqualTo(JSON);
	}

	@Test
	void read_applicationMapperWithDefaultTyping_doesNotInstantiateNamedClasses() {
		Map<String, Object> values = defaultTypingCodec()
			.read("{\"counter\":[\"java.util.concurrent.atomic.AtomicInteger\",5]}");
		assertThat(values.get("counter")).isEqualTo(List.of("java.util.concurrent.atomic.AtomicInteger", 5));
	}

	@Test
	void read_trailingContent_throwsMalformedSessionException() {
		assertThatExceptionOfType(MalformedSessionException.class).isThrownBy(() -> this.codec.read(JSON + "{"));
	}

	@Test
	void convert_storedMap_toRequestedType() {
		Point point = this.codec.convert(Map.of("x", 1, "y", 2), Point.class);
		assertThat(point).isEqualTo(new Point(1, 2));
	}

	private static SessionCodec defaultTypingCodec() {
		return new SessionCodec(JsonMapper.builder()
			.activateDefaultTyping(BasicPolymorphicTypeValidator.builder().allowIfSubType(Object.class).build(),
					DefaultTyping.NON_FINAL)
			.build());
	}

	record Point(int x, int y) {
	}

}
