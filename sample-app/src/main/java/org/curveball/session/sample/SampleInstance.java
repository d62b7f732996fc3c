package org.curveball.session.sample;

import java.net.InetAddress;
import java.net.UnknownHostException;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Component;

/**
 * Which instance of the sample answers a request: this machine's host name and the port
 * the request came in on, as {@code host:port}.
 */
@Component
final class SampleInstance {

	private final String host;

	SampleInstance() {
		this.host = hostName();
	}

	/**
	 * Return the name of the instance that answers a request.
	 * @param request the request
	 * @return {@code host:port}
	 */
	String of(HttpServletRequest request) {
		return this.host + ":" + request.getLocalPort();
	}

	private static String hostName() {
		try {
			return InetAddress.getLocalHost().getHostName();
		}
		catch (UnknownHostException ex) {
			return "localhost";
		}
	}

}
