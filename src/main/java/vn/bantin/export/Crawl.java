package vn.bantin.export;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Reads the site over HTTP from the running application, as a visitor would, starting
 * from a few addresses and following every link, image, audio source and stylesheet of
 * the site in pages, feeds, the sitemap and stylesheets. Answers are kept as they came in
 * a scratch folder; who links to what is kept to name the page of a broken link.
 */
final class Crawl {

	private final HttpClient client;

	private final Links links;

	private final Path scratch;

	private final int parallelism;

	private final AtomicInteger files = new AtomicInteger();

	/**
	 * The host name every request names ({@code Host}), for a commune of a province; null
	 * to name the application's address.
	 */
	private final String host;

	Crawl(HttpClient client, Links links, Path scratch, int parallelism) {
		this(client, links, scratch, parallelism, null);
	}

	Crawl(HttpClient client, Links links, Path scratch, int parallelism, String host) {
		this.host = host;
		this.client = client;
		this.links = links;
		this.scratch = scratch;
		this.parallelism = parallelism;
	}

	/**
	 * Fetches the seeds and everything they lead to.
	 * @return every address asked for, in the order first found, with its answer
	 */
	Result run(Collection<Address> seeds) throws IOException {
		Map<Address, Fetched> fetched = new LinkedHashMap<>();
		Map<Address, Set<Address>> referrers = new LinkedHashMap<>();
		ExecutorService pool = Executors.newFixedThreadPool(this.parallelism, (task) -> {
			Thread thread = new Thread(task, "export-crawl");
			thread.setDaemon(true);
			return thread;
		});
		try {
			ExecutorCompletionService<Fetched> done = new ExecutorCompletionService<>(pool);
			Set<Address> asked = new LinkedHashSet<>();
			int pending = 0;
			for (Address seed : seeds) {
				if (asked.add(seed)) {
					done.submit(() -> fetch(seed));
					pending++;
				}
			}
			while (pending > 0) {
				Fetched answer;
				try {
					answer = done.take().get();
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					throw new IOException("interrupted", ex);
				}
				catch (ExecutionException ex) {
					throw new IOException(ex.getCause().getMessage(), ex.getCause());
				}
				pending--;
				fetched.put(answer.address(), answer);
				for (Address next : answer.links()) {
					referrers.computeIfAbsent(next, (key) -> new LinkedHashSet<>()).add(answer.address());
					if (asked.add(next)) {
						done.submit(() -> fetch(next));
						pending++;
					}
				}
			}
		}
		finally {
			pool.shutdownNow();
		}
		return new Result(fetched, referrers);
	}

	/** Asks for one address and finds the site's links in the answer. */
	Fetched fetch(Address address) throws IOException {
		Path body = this.scratch.resolve(Integer.toString(this.files.incrementAndGet()));
		HttpRequest.Builder builder = HttpRequest.newBuilder(this.links.request(address))
			.timeout(Duration.ofMinutes(2))
			.header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8")
			.header("Accept-Language", this.links.defaultLanguage());
		if (this.host != null) {
			// the application tells communes apart by host name; needs
			// jdk.httpclient.allowRestrictedHeaders=host (set by export-site --commune)
			builder.header("Host", this.host);
		}
		HttpRequest request = builder.GET().build();
		HttpResponse<Path> response;
		try {
			response = this.client.send(request, HttpResponse.BodyHandlers.ofFile(body));
		}
		catch (IOException ex) {
			return new Fetched(address, -1, "", null, List.of(), ex.getMessage());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException("interrupted while reading " + address, ex);
		}
		String type = response.headers().firstValue("Content-Type").orElse("application/octet-stream");
		if (response.statusCode() != 200) {
			// kept: the 404 page is exported as 404.html
			return new Fetched(address, response.statusCode(), type, body, List.of(), null);
		}
		return new Fetched(address, 200, type, body, found(address, type, body), null);
	}

	private List<Address> found(Address page, String type, Path body) throws IOException {
		Kind kind = Kind.of(type);
		List<Address> found = new ArrayList<>();
		switch (kind) {
			case HTML -> {
				Document document = Jsoup.parse(body.toFile(), "UTF-8", this.links.request(page).toString());
				for (Element element : document.select("[href], [src], meta[property=og:image][content]")) {
					if (element.normalName().equals("link") && element.attr("rel").equalsIgnoreCase("canonical")) {
						continue;
					}
					String link = element.hasAttr("href") ? element.attr("href")
							: element.hasAttr("src") ? element.attr("src") : element.attr("content");
					this.links.resolve(page, link)
						.map(Links.Target::address)
						.filter((address) -> !this.links.liveOnly(address))
						.ifPresent(found::add);
				}
				feedsOf(page).forEach(found::add);
			}
			case XML, TEXT -> {
				Matcher matcher = Links.ABSOLUTE.matcher(Files.readString(body, StandardCharsets.UTF_8));
				while (matcher.find()) {
					this.links.resolve(page, matcher.group().replace("&amp;", "&"))
						.map(Links.Target::address)
						.filter((address) -> !this.links.liveOnly(address))
						.ifPresent(found::add);
				}
			}
			case CSS -> {
				Matcher matcher = Links.CSS_URL.matcher(Files.readString(body, StandardCharsets.UTF_8));
				while (matcher.find()) {
					this.links.resolve(page, matcher.group(2)).map(Links.Target::address).ifPresent(found::add);
				}
			}
			default -> {
				// images, audio, documents: nothing to follow
			}
		}
		return found;
	}

	/**
	 * The feeds of a theme or tag page: no page links them (the discovery links name the
	 * site's main feeds), yet readers subscribe to them by address.
	 */
	private static List<Address> feedsOf(Address page) {
		List<String> segments = page.segments();
		if (segments.size() != 2 || !page.query().isEmpty()
				|| !(segments.get(0).equals("themes") || segments.get(0).equals("tags"))) {
			return List.of();
		}
		List<Address> feeds = new ArrayList<>();
		for (String type : List.of("rss.xml", "atom.xml")) {
			feeds.add(new Address(List.of("feeds", segments.get(0), segments.get(1), type), false, Map.of()));
		}
		return feeds;
	}

	/** What the application answered for one address. */
	record Fetched(Address address, int status, String contentType, Path body, List<Address> links, String error) {

		boolean ok() {
			return this.status == 200;
		}

		Kind kind() {
			return Kind.of(this.contentType);
		}

	}

	/** Everything fetched, and which pages link to which address. */
	record Result(Map<Address, Fetched> fetched, Map<Address, Set<Address>> referrers) {
	}

	/** How an answer is read and rewritten. */
	enum Kind {

		HTML, XML, TEXT, CSS, OTHER;

		static Kind of(String contentType) {
			String type = contentType.toLowerCase(java.util.Locale.ROOT);
			if (type.startsWith("text/html")) {
				return HTML;
			}
			if (type.contains("xml") && !type.startsWith("image/")) {
				return XML;
			}
			if (type.startsWith("text/plain")) {
				return TEXT;
			}
			if (type.startsWith("text/css")) {
				return CSS;
			}
			return OTHER;
		}

		/** The extension a file of this type gets when its address has none. */
		static String extension(String contentType) {
			String type = contentType.toLowerCase(java.util.Locale.ROOT).split(";")[0].strip();
			return switch (type) {
				case "image/png" -> ".png";
				case "image/jpeg" -> ".jpg";
				case "image/gif" -> ".gif";
				case "image/webp" -> ".webp";
				case "image/svg+xml" -> ".svg";
				case "application/pdf" -> ".pdf";
				case "audio/mpeg" -> ".mp3";
				case "audio/ogg" -> ".ogg";
				case "audio/wav", "audio/x-wav" -> ".wav";
				case "audio/mp4", "audio/x-m4a" -> ".m4a";
				case "application/rss+xml", "application/atom+xml", "application/xml", "text/xml" -> ".xml";
				case "text/css" -> ".css";
				case "text/javascript", "application/javascript" -> ".js";
				case "text/plain" -> ".txt";
				case "application/json" -> ".json";
				default -> "";
			};
		}

	}

}
