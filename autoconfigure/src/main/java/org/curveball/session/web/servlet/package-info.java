/**
 * The servlet middleware: the session filter, the cookie codec, the {@code Session}
 * argument resolver and the problem responses for session errors.
 */
@NullMarked
package org.curveball.session.web.servlet;

import org.jspecify.annotations.NullMarked;
