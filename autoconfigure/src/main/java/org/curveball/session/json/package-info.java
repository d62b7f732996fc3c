/**
 * The JSON of sessions: the codec between a session's values and the stored JSON object,
 * and objects kept with a type id, read back for allowed types only.
 */
@NullMarked
package org.curveball.session.json;

import org.jspecify.annotations.NullMarked;
