package org.curveball.session.json;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.curveball.session.MalformedSessionException;
import org.curveball.session.UnstorableAttributeException;

/**
 * Turns a session's values into the JSON object that is stored, and back.
 * <p>
 * Stored JSON is read as plain maps, lists, strings, numbers and booleans: nothing in it
 * chooses a Java class, except an object kept with its type id, which its
 * {@link #attributeTypes() attribute types} read back for allowed types only. Objects of
 * other types are written as their JSON form with the application's mapper (so its
 * modules apply) and read back as maps, or converted to a type the caller names. Output
 * is always compact and in insertion order, so that equal values give equal JSON and an
 * unchanged session is recognised as unchanged.
 */
public final class SessionCodec {

	private final JsonMapper mapper;

	private final ObjectReader valuesReader;

	private final ObjectReader treeReader;

	private final ObjectWriter writer;

	private final SessionAttributeTypes attributeTypes;

	/**
	 * Create a codec that reads back objects kept with their type id for the JDK types
	 * that {@link SessionAttributeTypes} allows by default only.
	 * @param mapper the application's mapper, used for objects that are not plain JSON
	 */
	public SessionCodec(JsonMapper mapper) {
		this(mapper, SessionAttributeTypes.of(mapper, List.of(),
				"allow it with a SessionAttributeTypesCustomizer of the SessionAttributeTypes"));
	}

	/**
	 * Create a codec.
	 * @param mapper the application's mapper, used for objects that are not plain JSON
	 * @param attributeTypes the objects kept with their type id that may be read back
	 */
	public SessionCodec(JsonMapper mapper, SessionAttributeTypes attributeTypes) {
		this.mapper = SessionJsonMappers.plain(mapper).build();
		this.valuesReader = this.mapper.readerFor(LinkedHashMap.class);
		this.treeReader = this.mapper.reader();
		this.writer = this.mapper.writer();
		this.attributeTypes = attributeTypes;
	}

	/**
	 * Return the objects kept with their type id that this codec reads back.
	 * @return the attribute types
	 */
	public SessionAttributeTypes attributeTypes() {
		return this.attributeTypes;
	}

	/**
	 * Read stored JSON into the session's values.
	 * @param json the stored JSON
	 * @return the values, a mutable map in the stored order
	 * @throws MalformedSessionException if the JSON is not one JSON object
	 */
	@SuppressWarnings("unchecked")
	public Map<String, @Nullable Object> read(String json) {
		Map<String, @Nullable Object> values;
		try {
			values = this.valuesReader.readValue(json);
		}
		catch (JacksonException ex) {
			throw new MalformedSessionException("Stored session is not one JSON object", ex);
		}
		if (values == null) {
			throw new MalformedSessionException("Stored session is JSON null, not an object",
					new IllegalArgumentException("null"));
		}
		return values;
	}

	/**
	 * Read stored JSON as a tree.
	 * @param json the stored JSON
	 * @return the JSON object
	 * @throws MalformedSessionException if the JSON is not one JSON object
	 */
	public ObjectNode readTree(String json) {
		JsonNode node;
		try {
			node = this.treeReader.readTree(json);
		}
		catch (JacksonException ex) {
			throw new MalformedSessionException("Stored session is not valid JSON", ex);
		}
		if (!(node instanceof ObjectNode object)) {
			throw new MalformedSessionException("Stored session is JSON but not an object",
					new IllegalArgumentException(String.valueOf(node.getNodeType())));
		}
		return object;
	}

	/**
	 * Write the session's values as one compact JSON object.
	 * @param values the values
	 * @return the JSON
	 * @throws UnstorableAttributeException if a value holds an object of a type that is
	 * not allowed
	 */
	public String write(Map<String, @Nullable Object> values) {
		try {
			return this.writer.writeValueAsString(values);
		}
		catch (JacksonException ex) {
			if (ex.getCause() instanceof UnstorableAttributeException disallowed) {
				throw disallowed;
			}
			throw ex;
		}
	}

	/**
	 * Write a JSON object compactly.
	 * @param tree the object
	 * @return the JSON
	 */
	public String write(ObjectNode tree) {
		return this.writer.writeValueAsString(tree);
	}

	/**
	 * Turn a JSON object into the session's values.
	 * @param tree the object
	 * @return the values, a mutable map in the object's order
	 */
	@SuppressWarnings("unchecked")
	public Map<String, @Nullable Object> toValues(ObjectNode tree) {
		return this.mapper.convertValue(tree, LinkedHashMap.class);
	}

	/**
	 * Convert a session value to the type a caller asks for.
	 * @param <T> the type
	 * @param value the value, as read from JSON or as put
	 * @param type the type
	 * @return the converted value
	 */
	public <T> T convert(Object value, Class<T> type) {
		return this.mapper.convertValue(value, type);
	}

}
