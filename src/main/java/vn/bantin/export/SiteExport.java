package vn.bantin.export;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import org.springframework.stereotype.Service;
import org.springframework.util.StringUtils;

import vn.bantin.commune.Commune;
import vn.bantin.commune.CommuneIdentity;
import vn.bantin.schedule.DueReleases;
import vn.bantin.system.FileStore;

/**
 * Writes the public site as static files ({@code bantin.jar export-site DIR}): every page
 * reachable from the home page, the sitemap and the feeds, the feeds themselves (also per
 * theme and tag, and the podcast), {@code sitemap.xml}, {@code robots.txt}, stylesheets,
 * images and the media pages link to.
 *
 * <p>
 * First everything due is published (the item releases the scheduler would fire a moment
 * later run here, then the hand-over), so that the export never depends on how fast the
 * scheduler is. Then the site is read over HTTP from the application ({@link Crawl}) and
 * rewritten ({@link Rewriting}) so that it works under any base URL, also opened from
 * disk: links between pages are relative and name the file
 * ({@code ../../items/x/index.html}), while canonical URLs, Open Graph, feeds, the
 * sitemap and {@code robots.txt} carry absolute addresses under the base URL.
 *
 * <p>
 * The export is written into a new folder beside {@code DIR} and moved in place only when
 * complete ({@link FileStore#writeFolder}): an interrupted export leaves the previous one
 * as it was. A non-empty folder is replaced only when an earlier export wrote it (it
 * holds {@value #MARKER}).
 */
@Service
public class SiteExport {

	/** The file that marks a folder as an export that a new one may replace. */
	public static final String MARKER = ".bantin-export";

	/** An address nothing answers, to export the site's 404 page as {@code 404.html}. */
	static final String MISSING = "/khong-tim-thay-trang-nay";

	private final DueReleases releases;

	private final Commune commune;

	private final Clock clock;

	private final FileStore files;

	SiteExport(DueReleases releases, Commune commune, Clock clock, FileStore files) {
		this.releases = releases;
		this.commune = commune;
		this.clock = clock;
		this.files = files;
	}

	/** The address the site is exported for when none is given: the commune's website. */
	public Optional<URI> defaultBaseUrl() {
		String website = this.commune.identity().websiteUrl();
		return StringUtils.hasText(website) ? Optional.of(URI.create(website.strip())) : Optional.empty();
	}

	/**
	 * Publishes what is due, then exports the site the application answers at
	 * {@code application} into {@code dir}, with pages in the commune's language and in
	 * {@code languages} only.
	 * @param application where this application answers HTTP (a loopback address)
	 * @param dir the folder to write (replaced when it holds an earlier export)
	 * @param baseUrl the absolute address the export will be served from
	 * @param languages other languages to export pages in ({@code en}); empty: every
	 * language the pages link to. Links to pages in other languages go to the live site.
	 * @return what was written and which links are broken
	 * @throws IOException when the export could not be written; {@code dir} is then
	 * untouched
	 */
	public Report export(URI application, Path dir, URI baseUrl, Set<String> languages) throws IOException {
		return export(application, dir, baseUrl, languages, null);
	}

	/**
	 * Exports the site of the commune in scope, asking the application with that
	 * commune's host name (a province tells its communes apart by host).
	 * @param host the {@code Host} every request names; null for the application's
	 * address
	 * @see #export(URI, Path, URI, Set)
	 */
	public Report export(URI application, Path dir, URI baseUrl, Set<String> languages, String host)
			throws IOException {
		Path target = dir.toAbsolutePath().normalize();
		refuseToReplaceForeign(target);
		// releases what is due and hands it over before returning
		this.releases.releaseNow();

		CommuneIdentity identity = this.commune.identity();
		String base = withSlash(baseUrl.toString());
		// the running site, for what needs it (search, sign-in): never the loopback
		// address
		String live = StringUtils.hasText(identity.websiteUrl()) ? withSlash(identity.websiteUrl().strip()) : base;
		Links links = new Links(application, host, live, identity.locale().getLanguage().toLowerCase(Locale.ROOT),
				languages);

		Path parent = target.getParent();
		Files.createDirectories(parent);
		String name = target.getFileName().toString();
		Path scratch = Files.createTempDirectory(parent, "." + name + ".scratch-");
		ExecutorService http = Executors.newCachedThreadPool((task) -> {
			Thread thread = new Thread(task, "export-http");
			thread.setDaemon(true);
			return thread;
		});
		try {
			Report[] report = new Report[1];
			// written whole beside the target, then in its place (FileStore#writeFolder)
			this.files.writeFolder(target,
					(staging) -> report[0] = crawl(application, host, links, base, target, staging, scratch, http));
			return report[0];
		}
		finally {
			http.shutdownNow();
			deleteTree(scratch);
		}
	}

	/** Reads the site and writes it into {@code staging}. */
	private Report crawl(URI application, String host, Links links, String base, Path target, Path staging,
			Path scratch, ExecutorService http) throws IOException {
		HttpClient client = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.followRedirects(HttpClient.Redirect.NEVER)
			.connectTimeout(Duration.ofSeconds(10))
			.executor(http)
			.build();
		int parallelism = Math.max(2, Runtime.getRuntime().availableProcessors() * 2);
		// the host with the application's port: the pages then name the address the
		// crawl reads, which the links rewrite
		Crawl crawl = new Crawl(client, links, scratch, parallelism,
				(host != null) ? host + ":" + application.getPort() : null);
		List<Address> seeds = new ArrayList<>();
		for (String seed : List.of("/", "/sitemap.xml", "/robots.txt", "/feeds/rss.xml", "/feeds/atom.xml",
				"/feeds/podcast.xml")) {
			seeds.add(Address.of(application.resolve(seed)).orElseThrow());
		}
		Crawl.Result result = crawl.run(seeds);
		Crawl.Fetched missing = crawl.fetch(Address.of(application.resolve(MISSING)).orElseThrow());

		Rewriting rewriting = new Rewriting(links, result.fetched(), base);
		List<String> problems = new ArrayList<>();
		Map<List<String>, Address> written = new ConcurrentHashMap<>();
		AtomicLong bytes = new AtomicLong();
		result.fetched().values().parallelStream().filter(Crawl.Fetched::ok).forEach((fetched) -> {
			List<String> file = rewriting.fileOf(fetched);
			Address earlier = written.putIfAbsent(file, fetched.address());
			if (earlier != null) {
				synchronized (problems) {
					problems.add(String.join("/", file) + ": written for " + earlier + ", not again for "
							+ fetched.address());
				}
				return;
			}
			bytes.addAndGet(write(staging, file, rewriting.content(fetched, false), fetched.body()));
		});
		boolean notFoundPage = missing.status() == 404 && missing.kind() == Crawl.Kind.HTML;
		if (notFoundPage) {
			bytes
				.addAndGet(
						write(staging, List.of("404.html"),
								rewriting.content(new Crawl.Fetched(new Address(List.of(), false, Map.of()), 200,
										missing.contentType(), missing.body(), List.of(), null), true),
								missing.body()));
		}
		Files.writeString(staging.resolve(MARKER), "Written by bantin.jar export-site for " + base + " at "
				+ this.clock.instant() + "; the next export replaces this folder.\n", StandardCharsets.UTF_8);

		List<Broken> broken = new ArrayList<>();
		result.fetched().values().stream().filter((fetched) -> !fetched.ok()).forEach((fetched) -> {
			Set<Address> from = result.referrers().getOrDefault(fetched.address(), Set.of());
			broken.add(new Broken(fetched.address().pathAndQuery(), fetched.status(),
					from.stream().map(Address::pathAndQuery).sorted().toList(), fetched.error()));
		});
		broken.sort(Comparator.comparing(Broken::url));
		problems.sort(Comparator.naturalOrder());
		int pages = (int) result.fetched()
			.values()
			.stream()
			.filter((fetched) -> fetched.ok() && fetched.kind() == Crawl.Kind.HTML)
			.count();
		int files = written.size() + (notFoundPage ? 1 : 0);
		return new Report(target, URI.create(base), pages, files, bytes.get(), broken, problems);
	}

	private static long write(Path root, List<String> file, byte[] content, Path body) {
		Path path = root;
		for (String segment : file) {
			path = path.resolve(segment);
		}
		if (!path.normalize().startsWith(root)) {
			// Address refuses such names; this keeps a slip there from writing elsewhere
			throw new IllegalStateException("Not under the export folder: " + String.join("/", file));
		}
		try {
			Files.createDirectories(path.getParent());
			if (content != null) {
				Files.write(path, content);
				return content.length;
			}
			Files.copy(body, path, StandardCopyOption.REPLACE_EXISTING);
			return Files.size(path);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(path + ": " + ex.getMessage(), ex);
		}
	}

	/**
	 * Refuses a folder an export must not replace: an existing non-empty folder that no
	 * export wrote might be anyone's (the user's home, a project).
	 * @param target the folder to export into
	 * @throws FileAlreadyExistsException when it must not be replaced
	 * @throws IOException when it cannot be read
	 */
	public static void refuseToReplaceForeign(Path target) throws IOException {
		if (!Files.exists(target)) {
			return;
		}
		if (!Files.isDirectory(target)) {
			throw new FileAlreadyExistsException(target + " exists and is not a folder");
		}
		try (Stream<Path> entries = Files.list(target)) {
			if (entries.findAny().isPresent() && !Files.exists(target.resolve(MARKER))) {
				throw new FileAlreadyExistsException(target + " is not empty and holds no earlier export (no " + MARKER
						+ "): choose an empty or new folder");
			}
		}
	}

	private static void deleteTree(Path root) throws IOException {
		if (!Files.exists(root)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(root)) {
			for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.deleteIfExists(path);
			}
		}
	}

	private static String withSlash(String url) {
		return url.endsWith("/") ? url : url + "/";
	}

	/**
	 * What an export wrote.
	 *
	 * @param dir the folder written
	 * @param baseUrl the address it was written for
	 * @param pages how many HTML pages
	 * @param files how many files in all
	 * @param bytes their size
	 * @param broken the site's addresses that did not answer 200, with the pages linking
	 * to them
	 * @param problems anything else that went wrong (two addresses for one file)
	 */
	public record Report(Path dir, URI baseUrl, int pages, int files, long bytes, List<Broken> broken,
			List<String> problems) {

		/** Whether every link of the site answered and every file was written. */
		public boolean ok() {
			return this.broken.isEmpty() && this.problems.isEmpty();
		}

	}

	/**
	 * An address of the site that did not answer 200.
	 *
	 * @param url its path and query
	 * @param status the HTTP status, or -1 when there was no answer
	 * @param linkedFrom the pages (paths) that link to it
	 * @param error why there was no answer, or null
	 */
	public record Broken(String url, int status, List<String> linkedFrom, String error) {
	}

}
