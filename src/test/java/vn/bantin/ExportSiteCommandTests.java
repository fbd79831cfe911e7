package vn.bantin;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.SpringApplication;
import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code bantin.jar export-site}: the sample content (plus enough items with a Vietnamese
 * tag to need a second list page) exported once by the real command, on a fresh database,
 * then read from disk and from a plain static file server under a sub-path.
 */
class ExportSiteCommandTests {

	static final String BASE = "https://thanhhoa.gov.vn/xa-hoang-trung/";

	static final String TAG = "cai-cach-hanh-chinh";

	@TempDir
	static Path temp;

	static Path site;

	static int status;

	static String out;

	static String err;

	@BeforeAll
	static void export() throws IOException {
		Path content = temp.resolve("content");
		FileSystemUtils.copyRecursively(Path.of("content"), content);
		for (int i = 1; i <= 22; i++) {
			Files.writeString(content.resolve("items/them-tin-" + i + ".md"), """
					---
					id: them-tin-%d
					kind: news
					title: Tin cải cách hành chính số %d
					summary: Xã đẩy mạnh cải cách hành chính, lần %d.
					themes: [thu-tuc-hanh-chinh]
					tags: [%s]
					priority: normal
					author: Lê Thị Hà
					status: approved
					approved-by: Nguyễn Văn Hùng
					publish-at: 2026-11-%02d 07:00
					---

					Nội dung về **cải cách hành chính** của xã Hoằng Trung.
					""".formatted(i, i, i, TAG, 1 + i % 20), StandardCharsets.UTF_8);
		}
		site = temp.resolve("trang tĩnh");
		ByteArrayOutputStream stdout = new ByteArrayOutputStream();
		ByteArrayOutputStream stderr = new ByteArrayOutputStream();
		status = new CommandLine(new PrintStream(stdout, true, StandardCharsets.UTF_8),
				new PrintStream(stderr, true, StandardCharsets.UTF_8), Clock.systemUTC())
			.run(new String[] { "export-site", site.toString(), "--base-url=" + BASE,
					"--bantin.data-dir=" + temp.resolve("data"), "--bantin.content-dir=" + content,
					"--bantin.schedules-dir=" + Path.of("schedules").toAbsolutePath(),
					"--bantin.account.initial-admin-password=mat-khau-xuat-trang", "--logging.level.root=WARN",
					SchedulerName.argument(temp.resolve("data")) }, (args) -> {
						throw new AssertionError("export-site must not keep a server running");
					}, (args) -> SpringApplication.run(BantinApplication.class, args));
		out = stdout.toString(StandardCharsets.UTF_8);
		err = stderr.toString(StandardCharsets.UTF_8);
	}

	@Test
	void exportOfTheSampleContentSucceedsWithNoBrokenLink() {
		assertThat(status).as(out + err).isZero();
		assertThat(err).contains("0 broken link(s), 0 problem(s)");
		assertThat(site.resolve(".bantin-export")).exists();
		assertThat(site.getParent()).isDirectoryNotContaining((path) -> path.getFileName().toString().startsWith("."));
	}

	@Test
	void everyPageInTheExportedSitemapIsAFile() throws IOException {
		String sitemap = Files.readString(site.resolve("sitemap.xml"));
		Matcher loc = Pattern.compile("<loc>([^<]+)</loc>").matcher(sitemap);
		int pages = 0;
		while (loc.find()) {
			String url = loc.group(1).replace("&amp;", "&");
			assertThat(url).startsWith(BASE);
			assertThat(fileOf(site, url.substring(BASE.length()))).as(url).isRegularFile();
			pages++;
		}
		assertThat(pages).isGreaterThan(30);
	}

	@Test
	void noLinkInAnExportedPagePointsToAMissingFile() throws IOException {
		List<String> missing = new ArrayList<>();
		int links = 0;
		for (Path page : pages()) {
			Document document = Jsoup.parse(page.toFile(), "UTF-8");
			for (Element element : document.select("[href], [src]")) {
				String link = element.hasAttr("href") ? element.attr("href") : element.attr("src");
				assertThat(link).as(page + " links to the exporting server").doesNotContain("127.0.0.1");
				if (link.isEmpty() || link.startsWith("#") || URI.create(link).isAbsolute()) {
					continue;
				}
				links++;
				String path = URLDecoder.decode(link.replaceAll("[#?].*$", "").replace("+", "%2B"),
						StandardCharsets.UTF_8);
				// only the 404 page, served at any depth, links from the base URL's path
				Path target = path.startsWith("/xa-hoang-trung/")
						? site.resolve(path.substring("/xa-hoang-trung/".length())) : page.getParent().resolve(path);
				if (!Files.isRegularFile(target.normalize())) {
					missing.add(site.relativize(page) + " -> " + link);
				}
			}
		}
		assertThat(missing).isEmpty();
		assertThat(links).isGreaterThan(1000);
	}

	@Test
	void pagesLinkRelativelyToFilesAndCanonicalAddressesUseTheBaseUrl() throws IOException {
		Document item = Jsoup.parse(site.resolve("items/dich-vu-buu-chinh-cong-ich-tra-ket-qua/index.html").toFile(),
				"UTF-8");
		assertThat(item.select("link[rel=canonical]").attr("href"))
			.isEqualTo(BASE + "items/dich-vu-buu-chinh-cong-ich-tra-ket-qua");
		assertThat(item.select("meta[property=og:url]").attr("content"))
			.isEqualTo(BASE + "items/dich-vu-buu-chinh-cong-ich-tra-ket-qua");
		assertThat(item.select("a[href]").eachAttr("href")).contains("../../index.html", "../index.html",
				"../../tags/mot-cua/index.html");
		assertThat(item.select("link[rel=stylesheet]").attr("href")).matches("\\.\\./\\.\\./css/bantin.*\\.css");
	}

	@Test
	void feedsSitemapAndRobotsCarryAbsoluteAddressesUnderTheBaseUrl() throws IOException {
		String rss = Files.readString(site.resolve("feeds/rss.xml"));
		assertThat(rss).contains("<link>" + BASE + "items/dich-vu-buu-chinh-cong-ich-tra-ket-qua</link>")
			.contains("href=\"" + BASE + "feeds/rss.xml\"")
			.contains("urn:bantin:item:dich-vu-buu-chinh-cong-ich-tra-ket-qua")
			.doesNotContain("127.0.0.1");
		assertThat(Files.readString(site.resolve("feeds/atom.xml"))).contains("href=\"" + BASE + "feeds/atom.xml\"")
			.doesNotContain("127.0.0.1");
		assertThat(site.resolve("feeds/podcast.xml")).isRegularFile();
		assertThat(site.resolve("feeds/themes/thu-tuc-hanh-chinh/rss.xml")).isRegularFile();
		assertThat(site.resolve("feeds/tags/mot-cua/atom.xml")).isRegularFile();
		assertThat(Files.readString(site.resolve("robots.txt"))).contains("Sitemap: " + BASE + "sitemap.xml");
	}

	@Test
	void listsArePagedIntoFoldersOfTheirOwn() throws IOException {
		Path tag = site.resolve("tags").resolve(TAG);
		assertThat(tag.resolve("index.html")).isRegularFile();
		assertThat(tag.resolve("page/2/index.html")).isRegularFile();
		assertThat(site.resolve("feeds/tags").resolve(TAG).resolve("rss.xml")).isRegularFile();
		Document first = Jsoup.parse(tag.resolve("index.html").toFile(), "UTF-8");
		assertThat(first.select("a[rel=next]").attr("href")).isEqualTo("page/2/index.html");
		assertThat(first.text()).contains("Tin cải cách hành chính số");
		Document second = Jsoup.parse(tag.resolve("page/2/index.html").toFile(), "UTF-8");
		assertThat(second.select("a[rel=prev]").attr("href")).isEqualTo("../../index.html");
		assertThat(site.resolve("items/page/2/index.html")).isRegularFile();
	}

	@Test
	void otherLanguagesFormsAndTheNotFoundPageStillWork() throws IOException {
		Document about = Jsoup.parse(site.resolve("about/index.html").toFile(), "UTF-8");
		assertThat(about.select("a[hreflang=en]").attr("href")).isEqualTo("lang/en/index.html");
		Document english = Jsoup.parse(site.resolve("about/lang/en/index.html").toFile(), "UTF-8");
		assertThat(english.select("html").attr("lang")).isEqualTo("en");
		assertThat(english.select("a[hreflang=vi]").attr("href")).isEqualTo("../../index.html");
		// the search and the filters need the application: they go to the commune's site
		Document home = Jsoup.parse(site.resolve("index.html").toFile(), "UTF-8");
		assertThat(home.select("form.search").attr("action")).isEqualTo("http://localhost:8080/search");
		Document notFound = Jsoup.parse(site.resolve("404.html").toFile(), "UTF-8");
		assertThat(notFound.select("link[rel=stylesheet]").attr("href")).startsWith("/xa-hoang-trung/css/bantin");
	}

	@Test
	void aPlainStaticServerUnderASubPathServesTheExport() throws Exception {
		HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		server.createContext("/xa-hoang-trung/", new StaticFiles(site));
		server.start();
		try {
			HttpClient client = HttpClient.newHttpClient();
			String root = "http://127.0.0.1:" + server.getAddress().getPort() + "/xa-hoang-trung/";
			Document home = Jsoup.parse(get(client, root, "text/html"), root);
			String item = home.select("ul.latest a[href]").first().attr("href");
			assertThat(get(client, root + item, "text/html")).contains("<article");
			String css = home.select("link[rel=stylesheet]").attr("href");
			assertThat(get(client, root + css, "text/css")).contains("body");
			assertThat(get(client, root + "feeds/rss.xml", "xml")).contains("<rss");
			assertThat(get(client, root + "tags/" + TAG + "/page/2/index.html", "text/html")).contains("cải cách");
		}
		finally {
			server.stop(0);
		}
	}

	@Test
	void aFolderNoExportWroteIsNeverReplaced() throws IOException {
		Path foreign = Files.createDirectories(temp.resolve("du-an"));
		Files.writeString(foreign.resolve("quan-trong.txt"), "giữ lại");
		ByteArrayOutputStream stderr = new ByteArrayOutputStream();
		int refused = new CommandLine(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
				new PrintStream(stderr, true, StandardCharsets.UTF_8), Clock.systemUTC())
			.run(new String[] { "export-site", foreign.toString() }, (args) -> {
				throw new AssertionError();
			}, (args) -> {
				throw new AssertionError("the application must not start");
			});
		assertThat(refused).isEqualTo(CommandLine.USAGE_ERROR);
		assertThat(stderr.toString(StandardCharsets.UTF_8)).contains("holds no earlier export");
		assertThat(foreign.resolve("quan-trong.txt")).hasContent("giữ lại");
	}

	/**
	 * A plain static file server as hosts run them (Java 17 has no SimpleFileServer): a
	 * path names a file, a folder answers its {@code index.html}, the type follows the
	 * extension.
	 */
	record StaticFiles(Path root) implements HttpHandler {

		static final Map<String, String> TYPES = Map.of("html", "text/html; charset=utf-8", "css", "text/css", "xml",
				"application/xml", "txt", "text/plain", "png", "image/png", "js", "text/javascript");

		@Override
		public void handle(HttpExchange exchange) throws IOException {
			String path = exchange.getRequestURI().getPath().substring(exchange.getHttpContext().getPath().length());
			Path file = this.root.resolve(path).normalize();
			if (Files.isDirectory(file)) {
				file = file.resolve("index.html");
			}
			if (!file.startsWith(this.root) || !Files.isRegularFile(file)) {
				exchange.sendResponseHeaders(404, -1);
				exchange.close();
				return;
			}
			String name = file.getFileName().toString();
			exchange.getResponseHeaders()
				.set("Content-Type",
						TYPES.getOrDefault(name.substring(name.lastIndexOf('.') + 1), "application/octet-stream"));
			byte[] body = Files.readAllBytes(file);
			exchange.sendResponseHeaders(200, body.length);
			try (OutputStream stream = exchange.getResponseBody()) {
				stream.write(body);
			}
		}

	}

	private static String get(HttpClient client, String url, String type) throws Exception {
		HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(url)).build(),
				HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		assertThat(response.statusCode()).as(url).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type")).as(url)
			.hasValueSatisfying((value) -> assertThat(value).contains(type));
		return response.body();
	}

	private static List<Path> pages() throws IOException {
		try (Stream<Path> files = Files.walk(site)) {
			return files.filter((path) -> path.toString().endsWith(".html")).toList();
		}
	}

	/** The file a static server answers for a path under the base URL. */
	private static Path fileOf(Path root, String path) {
		String decoded = URLDecoder.decode(path.replace("+", "%2B"), StandardCharsets.UTF_8);
		Path file = root.resolve(decoded.isEmpty() ? "." : decoded);
		return Files.isDirectory(file) ? file.resolve("index.html") : file;
	}

}
