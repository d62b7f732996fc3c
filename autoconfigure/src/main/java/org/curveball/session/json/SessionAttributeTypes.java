package org.curveball.session.json;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DefaultTyping;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.exc.InvalidTypeIdException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.jsontype.BasicPolymorphicTypeValidator;

import org.curveball.session.UnreadableAttributeException;
import org.curveball.session.UnstorableAttributeException;

/**
 * Stores session values that are not plain JSON as JSON objects with a type id (an
 * {@code "@class"} property), and reads them back only for types on an allow-list.
 * <p>
 * Plain JSON values (strings, numbers, booleans, {@code null}, and lists and maps of
 * them) are stored as they are, so that Curveball and any other language can read them.
 * Any other object is written with the application's mapper and its type id; a type off
 * the allow-list, at any depth, fails at save, and is never instantiated at read.
 */
public final class SessionAttributeTypes {

	/**
	 * The property that holds the type id of a stored object.
	 */
	public static final String TYPE_PROPERTY = "@class";

	/**
	 * The property that holds the value of a stored object whose JSON is not an object (a
	 * {@link java.util.UUID}, an enum, a list of objects), beside its type id.
	 */
	public static final String VALUE_PROPERTY = "@value";

	private static final List<Class<?>> JDK_TYPES = List.of(java.util.ArrayList.class, java.util.LinkedList.class,
			java.util.HashMap.class, java.util.LinkedHashMap.class, java.util.TreeMap.class, java.util.HashSet.class,
			java.util.LinkedHashSet.class, java.util.TreeSet.class, java.util.Date.class);

	private static final List<String> JDK_TYPE_PREFIXES = List.of("java.util.Collections$",
			"java.util.ImmutableCollections$", "java.time.", "java.util.UUID", "java.math.BigDecimal",
			"java.math.BigInteger");

	private final JsonMapper plain;

	private final ObjectWriter writer;

	private final ObjectReader reader;

	private final String allowHint;

	private SessionAttributeTypes(JsonMapper plain, JsonMapper typed, String allowHint) {
		this.plain = plain;
		this.writer = typed.writerFor(Object.class);
		this.reader = typed.readerFor(Object.class);
		this.allowHint = allowHint;
	}

	/**
	 * Create the types of a session from the application's mapper.
	 * @param mapper the application's mapper, whose modules apply to stored objects
	 * @param customizers allow types and add modules, after the common JDK collections,
	 * {@code java.time} types, {@link java.util.UUID}, {@link java.util.Date} and the
	 * {@code java.math} numbers are allowed
	 * @param allowHint says how a user allows a type, for the error of a type off the
	 * list
	 * @return the types
	 */
	public static SessionAttributeTypes of(JsonMapper mapper,
			Iterable<? extends SessionAttributeTypesCustomizer> customizers, String allowHint) {
		BasicPolymorphicTypeValidator.Builder allowed = BasicPolymorphicTypeValidator.builder();
		JDK_TYPES.forEach(allowed::allowIfSubType);
		JDK_TYPE_PREFIXES.forEach(allowed::allowIfSubType);
		JsonMapper plain = SessionJsonMappers.plain(mapper).build();
		JsonMapper.Builder typed = plain.rebuild();
		customizers.forEach((customizer) -> customizer.customize(allowed, typed));
		typed.activateDefaultTyping(allowed.build(), DefaultTyping.NON_FINAL, JsonTypeInfo.As.PROPERTY);
		return new SessionAttributeTypes(plain, typed.build(), allowHint);
	}

	/**
	 * Return whether a value is stored as it is: a string, number, boolean or
	 * {@code null}, or a list or map of those with string keys.
	 * @param value the value
	 * @return {@code true} for plain JSON
	 */
	public static boolean isPlainJson(@Nullable Object value) {
		if (value == null || value instanceof String || value instanceof Boolean || value instanceof Integer
				|| value instanceof Long || value instanceof Double) {
			return true;
		}
		if (value instanceof List<?> list) {
			return list.stream().allMatch(SessionAttributeTypes::isPlainJson);
		}
		if (value instanceof Map<?, ?> map) {
			return !map.containsKey(TYPE_PROPERTY) && map.entrySet()
				.stream()
				.allMatch((entry) -> entry.getKey() instanceof String && isPlainJson(entry.getValue()));
		}
		return false;
	}

	/**
	 * Return the value to put into a session for an attribute: the value itself when it
	 * is plain JSON, else a {@link TypedAttribute} that stores it with its type id.
	 * @param value the attribute's value
	 * @return what to put into the session
	 */
	public @Nullable Object toSessionValue(@Nullable Object value) {
		return (value == null || isPlainJson(value)) ? value : new TypedAttribute(value, this, null);
	}

	/**
	 * Return the value to put into a session for an attribute, as
	 * {@link #toSessionValue(Object)} does, but with an object that is not plain JSON
	 * checked now instead of when the session is saved.
	 * @param value the attribute's value
	 * @return what to put into the session
	 * @throws UnstorableAttributeException if the object could not be read back from its
	 * JSON
	 */
	public @Nullable Object toCheckedSessionValue(@Nullable Object value) {
		if (value == null || isPlainJson(value)) {
			return value;
		}
		return new TypedAttribute(value, this, write(value, null));
	}

	/**
	 * Return whether a value read from the store holds a typed object.
	 * @param stored the value as the session holds it
	 * @return {@code true} for a JSON object with a type id
	 */
	public boolean isTyped(@Nullable Object stored) {
		return stored instanceof Map<?, ?> map && map.get(TYPE_PROPERTY) instanceof String;
	}

	/**
	 * Read a typed object back.
	 * @param stored a JSON object with a type id, as the session read it
	 * @return the object, with the JSON it was read from, so that it is written again
	 * without a new check while it does not change
	 * @throws UnreadableAttributeException if its type, or the type of a value inside it,
	 * is not allowed, or its JSON does not fit its type
	 */
	public TypedAttribute read(Object stored) {
		JsonNode tree = this.plain.valueToTree(stored);
		try {
			return new TypedAttribute(readTree(tree), this, this.plain.writeValueAsString(tree));
		}
		catch (JacksonException ex) {
			throw new UnreadableAttributeException(describe(ex), ex);
		}
	}

	String write(Object value, @Nullable String verified) {
		String json = this.writer.writeValueAsString(value);
		if (json.startsWith("[")) {
			JsonNode wrapped = this.plain.readTree(json);
			json = this.plain.writeValueAsString(this.plain.createObjectNode()
				.put(TYPE_PROPERTY, wrapped.get(0).asString())
				.set(VALUE_PROPERTY, wrapped.get(1)));
		}
		if (!json.equals(verified)) {
			verify(value, this.plain.readTree(json));
		}
		return json;
	}

	private Object readTree(JsonNode tree) {
		if (tree.size() == 2 && tree.has(VALUE_PROPERTY)) {
			return this.reader
				.readValue(this.plain.createArrayNode().add(tree.get(TYPE_PROPERTY)).add(tree.get(VALUE_PROPERTY)));
		}
		return this.reader.readValue(tree);
	}

	private void verify(Object value, JsonNode tree) {
		try {
			readTree(tree);
		}
		catch (JacksonException ex) {
			String reason = (ex instanceof InvalidTypeIdException) ? describe(ex) + "; " + this.allowHint
					: "it cannot be read back from its JSON: " + describe(ex);
			throw new UnstorableAttributeException(value.getClass().getName(), reason, ex);
		}
	}

	private static String describe(JacksonException ex) {
		if (ex instanceof InvalidTypeIdException invalid) {
			return "type " + invalid.getTypeId() + " is not allowed";
		}
		return ex.getOriginalMessage();
	}

}
