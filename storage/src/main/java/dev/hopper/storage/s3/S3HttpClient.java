package dev.hopper.storage.s3;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;

import javax.net.SocketFactory;

import io.minio.Http;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;

/**
 * The HTTP client the object store is spoken to through: MinIO's own defaults, with two
 * changes measured in issue 17. Nagle's algorithm is off: the client writes a request's
 * headers and its body apart, and with Nagle the body waited for the server's delayed ACK,
 * so every small put took 45–50 ms on loopback instead of 3. And more requests may be in
 * flight to the one host than OkHttp's default five, since the MinIO client sends every call
 * through OkHttp's asynchronous dispatcher and intake puts many small files at once.
 */
final class S3HttpClient {

	static final int MAX_REQUESTS_PER_HOST = 64;

	private S3HttpClient() {
	}

	static OkHttpClient create() {
		Dispatcher dispatcher = new Dispatcher();
		dispatcher.setMaxRequests(MAX_REQUESTS_PER_HOST * 2);
		dispatcher.setMaxRequestsPerHost(MAX_REQUESTS_PER_HOST);
		return Http.newDefaultClient().newBuilder().socketFactory(new NoDelaySockets()).dispatcher(dispatcher).build();
	}

	/** Sockets with TCP_NODELAY set. */
	static final class NoDelaySockets extends SocketFactory {

		@Override
		public Socket createSocket() throws IOException {
			Socket socket = new Socket();
			socket.setTcpNoDelay(true);
			return socket;
		}

		@Override
		public Socket createSocket(String host, int port) throws IOException {
			return connected(new InetSocketAddress(host, port));
		}

		@Override
		public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
			return connected(new InetSocketAddress(host, port));
		}

		@Override
		public Socket createSocket(InetAddress host, int port) throws IOException {
			return connected(new InetSocketAddress(host, port));
		}

		@Override
		public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
				throws IOException {
			return connected(new InetSocketAddress(address, port));
		}

		private Socket connected(InetSocketAddress address) throws IOException {
			Socket socket = createSocket();
			socket.connect(address);
			return socket;
		}

	}

}
