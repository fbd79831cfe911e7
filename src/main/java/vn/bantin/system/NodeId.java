package vn.bantin.system;

import java.net.InetAddress;
import java.net.UnknownHostException;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * This node's name among the nodes that share one database: {@code bantin.node-id}, by
 * default the host name and the HTTP port ({@code web-1:8080}), or the host name and the
 * process id when the port is chosen at start ({@code server.port=0}, tests).
 *
 * <p>
 * Why one name for everything: the scheduler's instance, the claims a worker puts on
 * rows, the temporary files a node writes on a shared store and the membership list on
 * {@code /admin/system} all say which node it was, so that the node that takes over from
 * a dead one can tell its rows and files apart from those of nodes still alive. Two live
 * nodes must never share a name; a node started again under its old name takes back what
 * its previous life left.
 */
@Component
public final class NodeId {

	/** The longest name kept (the columns that hold it are this long). */
	public static final int MAX_LENGTH = 100;

	private final String value;

	@Autowired
	public NodeId(Environment environment) {
		this(of(environment));
	}

	private NodeId(String value) {
		this.value = value;
	}

	/** A fixed name, for tests and tools that run outside a Spring context. */
	public static NodeId named(String value) {
		return new NodeId(clean(value));
	}

	/** The name, at most {@value #MAX_LENGTH} characters of {@code [A-Za-z0-9._:-]}. */
	public String value() {
		return this.value;
	}

	@Override
	public String toString() {
		return this.value;
	}

	private static String of(Environment environment) {
		String configured = environment.getProperty("bantin.node-id");
		if (StringUtils.hasText(configured)) {
			return clean(configured);
		}
		String port = environment.getProperty("server.port", "8080");
		String suffix = ("0".equals(port.trim())) ? "pid" + ProcessHandle.current().pid() : port.trim();
		return clean(host() + ":" + suffix);
	}

	private static String host() {
		String fromEnvironment = System.getenv("HOSTNAME");
		if (StringUtils.hasText(fromEnvironment)) {
			return fromEnvironment;
		}
		try {
			return InetAddress.getLocalHost().getHostName();
		}
		catch (UnknownHostException ex) {
			return "localhost";
		}
	}

	private static String clean(String name) {
		String cleaned = name.trim().replaceAll("[^A-Za-z0-9._:-]", "-");
		if (cleaned.isEmpty()) {
			throw new IllegalArgumentException("bantin.node-id must name the node: '" + name + "'");
		}
		return (cleaned.length() > MAX_LENGTH) ? cleaned.substring(0, MAX_LENGTH) : cleaned;
	}

}
