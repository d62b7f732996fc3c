/**
 * The engine: the lazy session of each request, how it is saved (compare-and-set, group
 * commit of the saves of one session, the save trail), its size limit and lifetime. It
 * knows no web stack and no store.
 */
@NullMarked
package org.curveball.session.core;

import org.jspecify.annotations.NullMarked;
