package org.curveball.session.testing;

/**
 * Runs one Redis server on a fixed port, which the fixture stops and starts again as
 * tests ask.
 */
interface RedisRunner extends AutoCloseable {

	/**
	 * Return the host on which the server accepts connections.
	 * @return the host
	 */
	String host();

	/**
	 * Start the server (again) and return once it answers {@code PING}.
	 * @throws Exception if the server did not start
	 */
	void start() throws Exception;

	/**
	 * Stop the server gracefully, so that a persistent server has all its data on disk.
	 * @throws Exception if the server did not stop
	 */
	void stop() throws Exception;

	/**
	 * Release what the runner holds once the server is stopped for good.
	 * @throws Exception if something could not be released
	 */
	@Override
	void close() throws Exception;

}
