package org.curveball.session.json;

import java.util.Objects;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JacksonSerializable;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.jsontype.TypeSerializer;

/**
 * A session value that is not plain JSON: written as a JSON object with its type id when
 * the session is saved, so that changes made inside it are saved too.
 */
public final class TypedAttribute implements JacksonSerializable {

	private final Object value;

	private final SessionAttributeTypes types;

	private @Nullable String verifiedJson;

	TypedAttribute(Object value, SessionAttributeTypes types, @Nullable String verifiedJson) {
		this.value = value;
		this.types = types;
		this.verifiedJson = verifiedJson;
	}

	/**
	 * Return the object.
	 * @return the object as it was put or read
	 */
	public Object value() {
		return this.value;
	}

	@Override
	public void serialize(JsonGenerator generator, SerializationContext context) {
		String json = this.types.write(this.value, this.verifiedJson);
		this.verifiedJson = json;
		generator.writeRawValue(json);
	}

	@Override
	public void serializeWithType(JsonGenerator generator, SerializationContext context,
			TypeSerializer typeSerializer) {
		serialize(generator, context);
	}

	@Override
	public boolean equals(@Nullable Object other) {
		return other instanceof TypedAttribute typed && this.value.equals(typed.value);
	}

	@Override
	public int hashCode() {
		return Objects.hashCode(this.value);
	}

}
