package vn.bantin;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Free TCP ports for test servers that must be stopped and started again on the same
 * port, or whose port is fixed before they start.
 * <p>
 * A port taken with {@code new ServerSocket(0)} comes from the kernel's ephemeral range
 * (32768–60999 on Linux), so once released any outgoing connection of a parallel test may
 * take it as its local port, and binding it again fails with "Address already in use" (a
 * CI run failed that way). Ports below that range are never handed out as ephemeral
 * ports, so only another test choosing the same one at random could clash, and the bind
 * check rules that out at the time of choosing.
 */
public final class TestPorts {

	private static final int FIRST = 20000;

	private static final int LAST = 32000;

	private TestPorts() {
	}

	/**
	 * A loopback port that was free a moment ago and lies outside the ephemeral range.
	 */
	public static int free() {
		for (int attempt = 0; attempt < 200; attempt++) {
			int port = ThreadLocalRandom.current().nextInt(FIRST, LAST);
			try (ServerSocket socket = new ServerSocket()) {
				socket.setReuseAddress(true);
				socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
				return port;
			}
			catch (IOException ex) {
				// taken: try another
			}
		}
		throw new IllegalStateException("No free port between " + FIRST + " and " + LAST);
	}

}
