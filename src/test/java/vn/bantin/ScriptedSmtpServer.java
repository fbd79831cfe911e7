package vn.bantin;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A tiny SMTP server for tests that answers what the test scripts: a refusal at MAIL FROM
 * or RCPT TO, an answer after the data, silence after the data, a connection closed in
 * the middle of the data. It can be stopped and started again on the same port.
 */
public final class ScriptedSmtpServer implements AutoCloseable {

	public volatile String mailAnswer = "250 2.1.0 Ok";

	public volatile String recipientAnswer = "250 2.1.5 Ok";

	/** The answer to the terminating dot; null: never answer (the connection stays). */
	public volatile String dataAnswer = "250 2.0.0 Ok: queued";

	/** Close the connection (with no answer) once the terminating dot is read. */
	public volatile boolean closeAfterDot;

	/** Close the connection after reading this many bytes of data; negative: never. */
	public volatile int closeAfterDataBytes = -1;

	public final AtomicInteger connections = new AtomicInteger();

	/** The data of every message answered 250, without the dot. */
	public final List<String> received = new CopyOnWriteArrayList<>();

	private final List<Socket> clients = new CopyOnWriteArrayList<>();

	private volatile ServerSocket server;

	private volatile Thread acceptor;

	private final int port;

	public ScriptedSmtpServer() {
		this.port = TestPorts.free();
		this.server = listen(this.port);
	}

	public int port() {
		return this.port;
	}

	/**
	 * Closes the listening socket and every client connection. Returns once the port is
	 * free: a socket closed while another thread is blocked in its accept() keeps its
	 * file descriptor, and so the port, until that thread has left accept(), so it waits
	 * for the acceptor to end (without that, a start() at once failed now and then with
	 * "Address already in use").
	 */
	public void stop() {
		try {
			this.server.close();
			for (Socket client : this.clients) {
				client.close();
			}
			this.clients.clear();
			this.acceptor.join(Duration.ofSeconds(10).toMillis());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while the scripted SMTP server stopped", ex);
		}
	}

	/**
	 * Listens again on the same port. The kernel may hold the port a moment longer than
	 * {@link #stop()} can see (a CI run failed once with "Address already in use" right
	 * after a stop), so a refused bind is tried again for up to ten seconds.
	 */
	public void start() {
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		while (true) {
			try {
				this.server = listen(this.port);
				return;
			}
			catch (UncheckedIOException ex) {
				if (!(ex.getCause() instanceof java.net.BindException) || System.nanoTime() > deadline) {
					throw ex;
				}
				try {
					Thread.sleep(50);
				}
				catch (InterruptedException interrupted) {
					Thread.currentThread().interrupt();
					throw ex;
				}
			}
		}
	}

	@Override
	public void close() {
		stop();
	}

	private ServerSocket listen(int port) {
		try {
			ServerSocket socket = new ServerSocket();
			socket.setReuseAddress(true);
			socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
			Thread acceptor = new Thread(() -> accept(socket), "scripted-smtp-" + socket.getLocalPort());
			acceptor.setDaemon(true);
			acceptor.start();
			this.acceptor = acceptor;
			return socket;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void accept(ServerSocket socket) {
		while (!socket.isClosed()) {
			try {
				Socket client = socket.accept();
				this.connections.incrementAndGet();
				this.clients.add(client);
				Thread conversation = new Thread(() -> converse(client), "scripted-smtp-client");
				conversation.setDaemon(true);
				conversation.start();
			}
			catch (IOException ex) {
				// closed
			}
		}
	}

	private void converse(Socket client) {
		try (client) {
			BufferedReader in = new BufferedReader(
					new InputStreamReader(client.getInputStream(), StandardCharsets.ISO_8859_1));
			OutputStream out = client.getOutputStream();
			say(out, "220 scripted.test ESMTP");
			String line;
			while ((line = in.readLine()) != null) {
				String command = line.toUpperCase(Locale.ROOT);
				if (command.startsWith("EHLO") || command.startsWith("HELO")) {
					say(out, "250 scripted.test");
				}
				else if (command.startsWith("MAIL FROM")) {
					say(out, this.mailAnswer);
					closeIf421(client, this.mailAnswer);
				}
				else if (command.startsWith("RCPT TO")) {
					say(out, this.recipientAnswer);
					closeIf421(client, this.recipientAnswer);
				}
				else if (command.equals("DATA")) {
					say(out, "354 End data with <CR><LF>.<CR><LF>");
					if (!readData(client, in, out)) {
						return;
					}
				}
				else if (command.equals("QUIT")) {
					say(out, "221 2.0.0 Bye");
					return;
				}
				else {
					say(out, "250 2.0.0 Ok");
				}
			}
		}
		catch (IOException ex) {
			// the client went away
		}
	}

	/** Reads one message's data; false when the connection is to end. */
	private boolean readData(Socket client, BufferedReader in, OutputStream out) throws IOException {
		StringBuilder data = new StringBuilder();
		int bytes = 0;
		String line;
		while ((line = in.readLine()) != null) {
			bytes += line.length() + 2;
			if (this.closeAfterDataBytes >= 0 && bytes > this.closeAfterDataBytes) {
				client.setSoLinger(true, 0);
				client.close();
				return false;
			}
			if (line.equals(".")) {
				if (this.closeAfterDot) {
					client.close();
					return false;
				}
				String answer = this.dataAnswer;
				if (answer == null) {
					// never answer: wait until the client gives up
					while (in.readLine() != null) {
						// drain
					}
					return false;
				}
				if (answer.startsWith("250")) {
					this.received.add(data.toString());
				}
				say(out, answer);
				closeIf421(client, answer);
				return !client.isClosed();
			}
			data.append(line.startsWith("..") ? line.substring(1) : line).append("\r\n");
		}
		return false;
	}

	private static void closeIf421(Socket client, String answer) throws IOException {
		if (answer.startsWith("421")) {
			client.close();
			throw new SocketException("closed after 421");
		}
	}

	private static void say(OutputStream out, String answer) throws IOException {
		out.write((answer + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
		out.flush();
	}

}
