package org.curveball.session.json;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.jsontype.BasicPolymorphicTypeValidator;

/**
 * Allows more types of objects to be kept in sessions with their type id (for example
 * {@code HttpSession} attributes), and adds the Jackson modules that write and read them.
 * Declare one as a bean; every such bean is applied, in order.
 */
@FunctionalInterface
public interface SessionAttributeTypesCustomizer {

	/**
	 * Allow types and add modules.
	 * @param allowedTypes the allow-list, of classes and class name prefixes
	 * @param mapper the mapper that writes and reads objects with their type id
	 */
	void customize(BasicPolymorphicTypeValidator.Builder allowedTypes, JsonMapper.Builder mapper);

}
