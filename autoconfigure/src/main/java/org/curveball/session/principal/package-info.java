/**
 * A user's sessions: the index of each principal's sessions beside the sessions, kept up
 * to date when a session's principal changes, and the operations over it (list a
 * principal's sessions, end all of them or all but one).
 */
@NullMarked
package org.curveball.session.principal;

import org.jspecify.annotations.NullMarked;
