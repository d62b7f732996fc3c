/**
 * What applications use and implement: the {@link org.curveball.session.Session} a
 * handler sees, the {@link org.curveball.session.SessionStore} SPI, the settings, the
 * observer, session ids and the exceptions of sessions.
 */
@NullMarked
package org.curveball.session;

import org.jspecify.annotations.NullMarked;
