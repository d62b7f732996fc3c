package org.curveball.session.json;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.curveball.session.UnreadableAttributeException;
import org.curveball.session.UnstorableAttributeException;
import org.curveball.session.attributes.AllowedCart;
import org.curveball.session.attributes.AllowedItem;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.jackson.SecurityJacksonModules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link SessionAttributeTypes}: objects that are not plain JSON are stored
 * with their type id, and only allow-listed types are ever written or instantiated.
 */
class SessionAttributeTypesTests {

	private static final String HINT = "allow it with the-property";

	private final SessionAttributeTypes types = SessionAttributeTypes.of(JsonMapper.builder().build(),
			List.of((allowedTypes, mapper) -> allowedTypes.allowIfSubType("org.curveball.session.attributes.")), HINT);

	private final SessionCodec codec = new SessionCodec(JsonMapper.builder().build());

	@Test
	void toSessionValue_plainJson_isStoredAsItIs() {
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("list", List.of(1, "two", true, 4.5, 6L));
		assertThat(this.types.toSessionValue("text")).isEqualTo("text");
		assertThat(this.types.toSessionValue(map)).isSameAs(map);
		assertThat(this.codec.write(Map.of("a", map))).isEqualTo("{\"a\":{\"list\":[1,\"two\",true,4.5,6]}}");
	}

	@Test
	void write_allowedObject_isJsonWithTypeIdAndReadsBackAsTheObject() {
		AllowedCart cart = new AllowedCart("c1", new ArrayList<>(List.of(new AllowedItem("book", 2))));
		String json = this.codec.write(sessionWith("cart", cart));
		assertThat(json).isEqualTo("{\"cart\":{\"@class\":\"org.curveball.session.attributes.AllowedCart\","
				+ "\"id\":\"c1\",\"items\":[\"java.util.ArrayList\",[{\"@class\":"
				+ "\"org.curveball.session.attributes.AllowedItem\",\"name\":\"book\",\"quantity\":2}]]}}");
		Object stored = this.codec.read(json).get("cart");
		assertThat(this.types.isTyped(stored)).isTrue();
		assertThat(this.types.read(stored).value()).isEqualTo(cart);
	}

	@Test
	void write_allowedValuesWhoseJsonIsNotAnObject_areKeptInATypedObjectAndReadBack() {
		UUID uuid = UUID.randomUUID();
		List<Object> items = new ArrayList<>(List.of(new AllowedItem("pen", 1)));
		String json = this.codec.write(sessionWith("uuid", uuid, "items", items));
		assertThat(json).startsWith("{\"uuid\":{\"@class\":\"java.util.UUID\",\"@value\":\"" + uuid + "\"}");
		Map<String, Object> stored = this.codec.read(json);
		assertThat(this.types.read(stored.get("uuid")).value()).isEqualTo(uuid);
		assertThat(this.types.read(stored.get("items")).value()).isEqualTo(items);
	}

	@Test
	void read_plainListOfTwoStrings_isNotMistakenForATypedValue() {
		Object stored = this.codec.read(this.codec.write(sessionWith("pair", List.of("java.util.UUID", "x"))))
			.get("pair");
		assertThat(stored).isEqualTo(List.of("java.util.UUID", "x"));
		assertThat(this.types.isTyped(stored)).isFalse();
	}

	@Test
	void write_allowedTypeThatJsonCannotCreate_failsSayingItCannotBeReadBack() {
		Map<String, Object> values = sessionWith("lock", new Semaphore(1));
		SessionAttributeTypes allowingConcurrency = SessionAttributeTypes.of(JsonMapper.builder().build(),
				List.of((allowedTypes, mapper) -> allowedTypes.allowIfSubType(Semaphore.class)), HINT);
		Map<String, Object> allowed = Map.of("lock", allowingConcurrency.toSessionValue(new Semaphore(1)));
		assertThatExceptionOfType(UnstorableAttributeException.class).isThrownBy(() -> this.codec.write(values))
			.withMessageContaining(HINT);
		assertThatExceptionOfType(UnstorableAttributeException.class).isThrownBy(() -> this.codec.write(allowed))
			.withMessageContaining("java.util.concurrent.Semaphore cannot be stored: it cannot be read back")
			.withMessageNotContaining(HINT);
	}

	@Test
	void write_objectOffTheList_failsNamingTheTypeAndHowToAllowIt() {
		Map<String, Object> values = sessionWith("counter", new AtomicInteger(5));
		assertThatExceptionOfType(UnstorableAttributeException.class).isThrownBy(() -> this.codec.write(values))
			.withMessageContaining("java.util.concurrent.atomic.AtomicInteger")
			.withMessageContaining(HINT);
	}

	@Test
	void write_allowedObjectHoldingAnObjectOffTheList_failsNamingTheInnerType() {
		Map<String, Object> values = sessionWith("holder",
				new AllowedCart("c1", new ArrayList<>(List.of(new AtomicInteger(1)))));
		assertThatExceptionOfType(UnstorableAttributeException.class).isThrownBy(() -> this.codec.write(values))
			.withMessageContaining("AllowedCart")
			.withMessageContaining("java.util.concurrent.atomic.AtomicInteger is not allowed");
	}

	@Test
	void read_storedTypeOffTheList_isRefusedWithoutInstantiatingIt() {
		int before = Tripwire.instances.get();
		Object stored = this.codec.read("{\"x\":{\"@class\":\"" + Tripwire.class.getName() + "\",\"name\":\"boom\"}}")
			.get("x");
		assertThatExceptionOfType(UnreadableAttributeException.class).isThrownBy(() -> this.types.read(stored))
			.withMessageContaining(Tripwire.class.getName());
		assertThat(Tripwire.instances.get()).isEqualTo(before);
	}

	@Test
	void read_storedObjectWhoseClassWasRemoved_isUnreadable() {
		Object stored = this.codec
			.read("{\"cart\":{\"@class\":\"org.curveball.session.attributes.RemovedCart\",\"id\":\"c1\"}}")
			.get("cart");
		assertThatExceptionOfType(UnreadableAttributeException.class).isThrownBy(() -> this.types.read(stored))
			.withMessageContaining("RemovedCart");
	}

	@Test
	void read_storedObjectWhoseFieldChangedType_isUnreadable() {
		Object stored = this.codec
			.read("{\"cart\":{\"@class\":\"org.curveball.session.attributes.AllowedCart\",\"items\":{\"a\":1}}}")
			.get("cart");
		assertThatExceptionOfType(UnreadableAttributeException.class).isThrownBy(() -> this.types.read(stored));
	}

	@Test
	void isTyped_curveballMapWithoutTypeId_isFalse() {
		assertThat(this.types.isTyped(Map.of("name", "Ada"))).isFalse();
		assertThat(this.types.isTyped("text")).isFalse();
	}

	@Test
	void write_springSecurityContextWithSecurityModules_readsBackAndRewritesIdentically() {
		SessionAttributeTypes security = SessionAttributeTypes
			.of(JsonMapper.builder().build(),
					List.of((allowedTypes, mapper) -> mapper
						.addModules(SecurityJacksonModules.getModules(getClass().getClassLoader(), allowedTypes))),
					HINT);
		User user = new User("ada", "", AuthorityUtils.createAuthorityList("ROLE_USER"));
		SecurityContext context = new SecurityContextImpl(
				UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
		String json = this.codec.write(Map.of("SPRING_SECURITY_CONTEXT", security.toSessionValue(context)));
		Object read = security.read(this.codec.read(json).get("SPRING_SECURITY_CONTEXT")).value();
		assertThat(read).isEqualTo(context);
		assertThat(this.codec.write(Map.of("SPRING_SECURITY_CONTEXT", security.toSessionValue(read)))).isEqualTo(json);
	}

	@Test
	void write_springSecurityContextWithoutSecurityModules_fails() {
		SecurityContext context = new SecurityContextImpl(
				UsernamePasswordAuthenticationToken.authenticated("ada", null, List.of()));
		assertThatExceptionOfType(UnstorableAttributeException.class)
			.isThrownBy(() -> this.codec.write(sessionWith("ctx", context)))
			.withMessageContaining(SecurityContextImpl.class.getName());
	}

	private Map<String, Object> sessionWith(Object... keysAndValues) {
		Map<String, Object> values = new LinkedHashMap<>();
		for (int i = 0; i < keysAndValues.length; i += 2) {
			values.put((String) keysAndValues[i], this.types.toSessionValue(keysAndValues[i + 1]));
		}
		return values;
	}

	/**
	 * A class off the allow-list that counts its instances.
	 */
	public static class Tripwire {

		static final AtomicInteger instances = new AtomicInteger();

		public String name = "";

		Tripwire() {
			instances.incrementAndGet();
		}

	}

}
