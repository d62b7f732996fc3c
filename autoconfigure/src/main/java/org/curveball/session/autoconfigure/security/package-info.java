/**
 * Auto-configuration of Spring Security over Curveball sessions.
 */
@NullMarked
package org.curveball.session.autoconfigure.security;

import org.jspecify.annotations.NullMarked;
