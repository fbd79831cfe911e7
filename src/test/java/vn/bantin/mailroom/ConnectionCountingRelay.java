package vn.bantin.mailroom;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP relay in front of a real server that counts the connections made through it: how
 * a test sees that a round reused one connection.
 */
final class ConnectionCountingRelay implements AutoCloseable {

	final AtomicInteger connections = new AtomicInteger();

	private final ServerSocket server;

	ConnectionCountingRelay(int targetPort) {
		try {
			this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		Thread acceptor = new Thread(() -> {
			while (!this.server.isClosed()) {
				try {
					Socket client = this.server.accept();
					this.connections.incrementAndGet();
					Socket target = new Socket(InetAddress.getLoopbackAddress(), targetPort);
					pipe(client, target);
					pipe(target, client);
				}
				catch (IOException ex) {
					// closed
				}
			}
		}, "relay");
		acceptor.setDaemon(true);
		acceptor.start();
	}

	int port() {
		return this.server.getLocalPort();
	}

	private static void pipe(Socket from, Socket to) {
		Thread thread = new Thread(() -> {
			try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
				in.transferTo(out);
			}
			catch (IOException ex) {
				// one side closed
			}
			finally {
				try {
					from.close();
					to.close();
				}
				catch (IOException ex) {
					// already closed
				}
			}
		}, "relay-pipe");
		thread.setDaemon(true);
		thread.start();
	}

	@Override
	public void close() throws IOException {
		this.server.close();
	}

}
