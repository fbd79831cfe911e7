package vn.bantin;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A small reverse proxy in front of several nodes, for tests of a cluster: what a load
 * balancer (nginx, HAProxy) does in front of Bản tin, with nothing sticky. Every request
 * goes to the first backend that is not known to be down, so a test knows which node
 * serves it ({@link #lastBackend()}) until it kills that node.
 *
 * <p>
 * A backend that cannot be reached (connection refused or reset, no answer) is taken as
 * down for {@code downFor} (nginx's {@code max_fails=1 fail_timeout}), and the next one
 * gets the requests. The request that met the failure is tried on the next backend only
 * when it is idempotent ({@code GET}, {@code HEAD}), as nginx's
 * {@code proxy_next_upstream} does by default: a {@code POST} may have reached the dead
 * node before it died, so it fails with {@code 502 Bad Gateway} and the client decides.
 *
 * <p>
 * The backend sees the client's {@code Host} and cookies, and {@code X-Forwarded-For}
 * (the client's address appended), {@code X-Forwarded-Proto}, {@code X-Forwarded-Host}
 * and {@code X-Forwarded-Port}; start the nodes with
 * {@code --server.forward-headers-strategy=native} to have them believe these (the
 * balancer is on the loopback, which Tomcat trusts). Passing {@code Host} needs the JDK's
 * client to allow it ({@code -Djdk.httpclient.allowRestrictedHeaders=host}, which the
 * build's test JVM sets); without it the backend sees its own address as {@code Host} and
 * the original in {@code X-Forwarded-Host}. Redirects are passed to the client, never
 * followed; bodies are passed as they are (compressed ones too).
 */
public final class Balancer implements AutoCloseable {

	/** Headers of one connection only, never passed on (RFC 9110, 7.6.1). */
	private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "proxy-connection",
			"proxy-authenticate", "proxy-authorization", "te", "trailer", "transfer-encoding", "upgrade");

	/** Headers the JDK's client sets itself and refuses from the caller. */
	private static final Set<String> SET_BY_CLIENT = Set.of("content-length", "expect", "host");

	private static final boolean HOST_ALLOWED = hostAllowed();

	private final List<URI> backends;

	private final Duration downFor;

	private final Map<URI, Instant> downUntil = new ConcurrentHashMap<>();

	private final List<URI> served = Collections.synchronizedList(new ArrayList<>());

	private final HttpClient client;

	private final HttpServer server;

	private final ExecutorService workers;

	private Balancer(List<URI> backends, Duration downFor) throws IOException {
		this.backends = List.copyOf(backends);
		this.downFor = downFor;
		this.client = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.followRedirects(HttpClient.Redirect.NEVER)
			.connectTimeout(Duration.ofSeconds(2))
			.build();
		this.workers = Executors.newFixedThreadPool(8, (task) -> {
			Thread thread = new Thread(task, "balancer");
			thread.setDaemon(true);
			return thread;
		});
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
		this.server.setExecutor(this.workers);
		this.server.createContext("/", this::forward);
		this.server.start();
	}

	/**
	 * Starts a balancer on a free loopback port, in front of these base URLs (e.g. a
	 * {@link ChildApplication#baseUrl()} each), in order of preference; a backend found
	 * down is left alone for 30 seconds.
	 */
	public static Balancer start(String... backends) throws IOException {
		return start(Duration.ofSeconds(30), backends);
	}

	/**
	 * Starts a balancer in front of these base URLs, leaving a backend found down alone
	 * for {@code downFor}.
	 */
	public static Balancer start(Duration downFor, String... backends) throws IOException {
		return new Balancer(List.of(backends).stream().map(URI::create).toList(), downFor);
	}

	/** The base URL clients use, e.g. {@code http://127.0.0.1:41234}. */
	public String baseUrl() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	/**
	 * The base URL of the backend that answered the last request, or null before any
	 * answer.
	 */
	public URI lastBackend() {
		synchronized (this.served) {
			return this.served.isEmpty() ? null : this.served.get(this.served.size() - 1);
		}
	}

	/** The backend of every answered request so far, in order. */
	public List<URI> served() {
		synchronized (this.served) {
			return List.copyOf(this.served);
		}
	}

	@Override
	public void close() {
		this.server.stop(0);
		this.workers.shutdownNow();
	}

	private void forward(HttpExchange exchange) throws IOException {
		try {
			byte[] body;
			try (InputStream in = exchange.getRequestBody()) {
				body = in.readAllBytes();
			}
			String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
			boolean idempotent = method.equals("GET") || method.equals("HEAD");
			IOException last = null;
			for (URI backend : order()) {
				HttpResponse<byte[]> response;
				try {
					response = this.client.send(request(exchange, backend, method, body),
							HttpResponse.BodyHandlers.ofByteArray());
				}
				catch (IOException ex) {
					this.downUntil.put(backend, Instant.now().plus(this.downFor));
					last = ex;
					if (idempotent) {
						continue;
					}
					break;
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					break;
				}
				this.served.add(backend);
				answer(exchange, method, response);
				return;
			}
			byte[] message = ("Bad gateway: " + ((last != null) ? last : "no backend") + "\n")
				.getBytes(java.nio.charset.StandardCharsets.UTF_8);
			exchange.getResponseHeaders().set("Content-Type", "text/plain;charset=UTF-8");
			exchange.sendResponseHeaders(502, message.length);
			exchange.getResponseBody().write(message);
		}
		finally {
			exchange.close();
		}
	}

	/**
	 * The backends in the order to try them: those not known to be down first, in their
	 * order; then those down, so that a request is tried somewhere when all seem down.
	 */
	private List<URI> order() {
		Instant now = Instant.now();
		List<URI> up = new ArrayList<>();
		List<URI> down = new ArrayList<>();
		for (URI backend : this.backends) {
			Instant until = this.downUntil.get(backend);
			((until == null || now.isAfter(until)) ? up : down).add(backend);
		}
		up.addAll(down);
		return up;
	}

	private HttpRequest request(HttpExchange exchange, URI backend, String method, byte[] body) {
		URI target = backend
			.resolve(exchange.getRequestURI().getRawPath() + ((exchange.getRequestURI().getRawQuery() != null)
					? "?" + exchange.getRequestURI().getRawQuery() : ""));
		HttpRequest.Builder request = HttpRequest.newBuilder(target)
			.timeout(Duration.ofSeconds(60))
			.method(method, (body.length == 0) ? HttpRequest.BodyPublishers.noBody()
					: HttpRequest.BodyPublishers.ofByteArray(body));
		Headers headers = exchange.getRequestHeaders();
		headers.forEach((name, values) -> {
			String lower = name.toLowerCase(Locale.ROOT);
			if (!HOP_BY_HOP.contains(lower) && !SET_BY_CLIENT.contains(lower) && !lower.startsWith("x-forwarded-")) {
				values.forEach((value) -> request.header(name, value));
			}
		});
		String host = headers.getFirst("Host");
		if (host != null && HOST_ALLOWED) {
			request.header("Host", host);
		}
		String client = exchange.getRemoteAddress().getAddress().getHostAddress();
		String forwardedFor = headers.getFirst("X-Forwarded-For");
		request.header("X-Forwarded-For", (forwardedFor != null) ? forwardedFor + ", " + client : client);
		request.header("X-Forwarded-Proto", "http");
		if (host != null) {
			request.header("X-Forwarded-Host", host);
		}
		request.header("X-Forwarded-Port", Integer.toString(this.server.getAddress().getPort()));
		return request.build();
	}

	private static void answer(HttpExchange exchange, String method, HttpResponse<byte[]> response) throws IOException {
		Headers headers = exchange.getResponseHeaders();
		response.headers().map().forEach((name, values) -> {
			String lower = name.toLowerCase(Locale.ROOT);
			if (!HOP_BY_HOP.contains(lower) && !lower.equals("content-length") && !lower.equals("date")
					&& !lower.startsWith(":")) {
				headers.put(name, new ArrayList<>(values));
			}
		});
		byte[] body = response.body();
		int status = response.statusCode();
		boolean noBody = method.equals("HEAD") || status == 204 || status == 304 || body.length == 0;
		exchange.sendResponseHeaders(status, noBody ? -1 : body.length);
		if (!noBody) {
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(body);
			}
		}
	}

	private static boolean hostAllowed() {
		try {
			HttpRequest.newBuilder(URI.create("http://127.0.0.1/")).header("Host", "example.test");
			return true;
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

}
