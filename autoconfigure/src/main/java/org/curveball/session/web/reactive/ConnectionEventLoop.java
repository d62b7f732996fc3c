package org.curveball.session.web.reactive;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

import io.netty.channel.EventLoop;
import org.jspecify.annotations.Nullable;
import reactor.netty.Connection;

import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.util.ClassUtils;

/**
 * Hands the store's answers for an exchange back to the event loop of the Reactor Netty
 * connection the exchange came in on, so that the handler goes on, and the response is
 * written, on the thread that owns the connection.
 * <p>
 * Without it, a handler that waited for Redis goes on in the Redis client's I/O thread:
 * it holds up the commands of every other exchange while it runs, and the response is
 * written from outside the connection's event loop. Reactor Netty up to 1.3.6 at least
 * then stalls about one keep-alive request in seventy: the next request arrives before
 * the previous exchange has ended, is queued, and, when the queued request is answered at
 * once, the connection stops reading (reactor/reactor-netty#4361; measured by
 * {@code SessionWebFilterKeepAliveHttpTests}). On other servers, answers are used where
 * they arrive.
 */
final class ConnectionEventLoop {

	private static final boolean REACTOR_NETTY_PRESENT = ClassUtils.isPresent("reactor.netty.Connection",
			ConnectionEventLoop.class.getClassLoader());

	private ConnectionEventLoop() {
	}

	/**
	 * Return a future that completes as the given one does, on the event loop of the
	 * request's connection: at once if the future is done or completes on that loop.
	 * @param <T> the value's type
	 * @param request the exchange's request
	 * @param answer what the store answers
	 * @return the answer, handed back to the connection's event loop where there is one
	 */
	static <T> CompletableFuture<T> resume(ServerHttpRequest request, CompletableFuture<T> answer) {
		if (answer.isDone() || !REACTOR_NETTY_PRESENT) {
			return answer;
		}
		Executor eventLoop = ReactorNetty.eventLoopOf(request);
		return (eventLoop != null) ? answer.whenCompleteAsync((value, failure) -> {
		}, eventLoop) : answer;
	}

	/**
	 * What needs Reactor Netty's types, loaded only where Reactor Netty is present.
	 */
	private static final class ReactorNetty {

		static @Nullable Executor eventLoopOf(ServerHttpRequest request) {
			Object nativeRequest;
			try {
				nativeRequest = ServerHttpRequestDecorator.getNativeRequest(request);
			}
			catch (IllegalArgumentException ex) {
				// a request of another server, or one wrapped beyond recognition
				return null;
			}
			if (!(nativeRequest instanceof Connection connection)) {
				return null;
			}
			EventLoop eventLoop = connection.channel().eventLoop();
			return (task) -> {
				if (eventLoop.inEventLoop()) {
					task.run();
					return;
				}
				try {
					eventLoop.execute(task);
				}
				catch (RejectedExecutionException ex) {
					// the server is shutting down: finish where the answer arrived
					task.run();
				}
			};
		}

	}

}
