/**
 * The servlet middleware: the session filter, the cookie codec, the {@code Session}
 * argument resolver, the problem responses for session errors and the flash map manager.
 */
@NullMarked
package org.curveball.session.web.servlet;

import org.jspecify.annotations.NullMarked;
