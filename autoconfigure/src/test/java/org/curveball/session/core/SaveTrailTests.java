package org.curveball.session.core;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link SaveTrail}: which JSON it knows to be older than its latest write.
 */
class SaveTrailTests {

	private final SaveTrail trail = new SaveTrail();

	@Test
	void newerThan_nothingSaved_isNull() {
		assertThat(this.trail.newerThan("s1", "{\"a\":0}")).isNull();
	}

	@Test
	void newerThan_anyJsonReplacedAlongOneChain_isLatest() {
		this.trail.saved("s1", "{\"a\":0}", "{\"a\":1}");
		this.trail.saved("s1", "{\"a\":1}", "{\"a\":2}");
		assertThat(this.trail.newerThan("s1", "{\"a\":0}")).isEqualTo("{\"a\":2}");
		assertThat(this.trail.newerThan("s1", "{\"a\":1}")).isEqualTo("{\"a\":2}");
		assertThat(this.trail.newerThan("s1", "{\"a\":2}")).isNull();
		assertThat(this.trail.newerThan("s1", "{\"a\":9}")).isNull();
		assertThat(this.trail.newerThan("s2", "{\"a\":0}")).isNull();
	}

	@Test
	void saved_replacingJsonThisInstanceDidNotWrite_startsNewChain() {
		this.trail.saved("s1", "{\"a\":0}", "{\"a\":1}");
		this.trail.saved("s1", "{\"b\":1}", "{\"a\":2}");
		assertThat(this.trail.newerThan("s1", "{\"a\":0}")).isNull();
		assertThat(this.trail.newerThan("s1", "{\"b\":1}")).isEqualTo("{\"a\":2}");
	}

	@Test
	void saved_anotherSession_replacesTheFirst() {
		this.trail.saved("s1", "{\"a\":0}", "{\"a\":1}");
		this.trail.saved("s2", "{\"a\":0}", "{\"a\":5}");
		assertThat(this.trail.newerThan("s1", "{\"a\":0}")).isNull();
		assertThat(this.trail.newerThan("s2", "{\"a\":0}")).isEqualTo("{\"a\":5}");
	}

	@Test
	void saved_deletion_forgetsSession() {
		this.trail.saved("s1", "{\"a\":0}", "{\"a\":1}");
		this.trail.saved("s1", "{\"a\":1}", null);
		assertThat(this.trail.newerThan("s1", "{\"a\":0}")).isNull();
		assertThat(this.trail.newerThan("s1", "{\"a\":1}")).isNull();
	}

	@Test
	void forget_sessionGone_forgetsIt() {
		this.trail.saved("s1", "{\"a\":0}", "{\"a\":1}");
		this.trail.forget("s2");
		assertThat(this.trail.newerThan("s1", "{\"a\":0}")).isEqualTo("{\"a\":1}");
		this.trail.forget("s1");
		assertThat(this.trail.newerThan("s1", "{\"a\":0}")).isNull();
	}

	@Test
	void saved_longChain_remembersOnlyTheLatestReplacedValues() {
		for (int i = 0; i < 300; i++) {
			this.trail.saved("s1", "{\"a\":" + i + "}", "{\"a\":" + (i + 1) + "}");
		}
		assertThat(this.trail.newerThan("s1", "{\"a\":0}")).isNull();
		assertThat(this.trail.newerThan("s1", "{\"a\":299}")).isEqualTo("{\"a\":300}");
		assertThat(this.trail.newerThan("s1", "{\"a\":100}")).isEqualTo("{\"a\":300}");
	}

}
