package org.curveball.session.sample.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Sends an HTTP/1.0 request byte for byte over a socket, for headers that
 * {@link java.net.http.HttpClient} refuses to send, such as control characters.
 */
public final class RawHttp {

	private static final int TIMEOUT_MILLIS = 30_000;

	private RawHttp() {
	}

	/**
	 * Send a {@code GET} with one {@code Cookie} header and read the whole response.
	 * @param port the application's port on the loopback address
	 * @param path the path
	 * @param cookieHeader the {@code Cookie} header's value, sent as ISO-8859-1 bytes
	 * @return the response
	 */
	public static Response get(int port, String path, String cookieHeader) {
		String request = "GET " + path + " HTTP/1.0\r\nHost: 127.0.0.1:" + port + "\r\nCookie: " + cookieHeader
				+ "\r\n\r\n";
		try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
			socket.setSoTimeout(TIMEOUT_MILLIS);
			OutputStream out = socket.getOutputStream();
			out.write(request.getBytes(StandardCharsets.ISO_8859_1));
			out.flush();
			return Response.parse(readAll(socket.getInputStream()));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String readAll(InputStream in) throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		in.transferTo(bytes);
		return bytes.toString(StandardCharsets.UTF_8);
	}

	/**
	 * A response as received.
	 *
	 * @param status the status code
	 * @param head the status line and headers
	 * @param body the body
	 */
	public record Response(int status, String head, String body) {

		static Response parse(String response) {
			int end = response.indexOf("\r\n\r\n");
			String head = (end >= 0) ? response.substring(0, end) : response;
			String body = (end >= 0) ? response.substring(end + 4) : "";
			return new Response(Integer.parseInt(head.split(" ", 3)[1]), head, body);
		}

		public boolean hasSetCookie() {
			return head().toLowerCase(Locale.ROOT).contains("\r\nset-cookie:");
		}

	}

}
