package vn.bantin;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import vn.bantin.commune.CommuneFolders;
import vn.bantin.commune.Communes;
import vn.bantin.system.CurrentCommune;
import vn.bantin.content.ContentFiles;
import vn.bantin.content.ContentProblem;
import vn.bantin.export.SiteExport;
import vn.bantin.timetable.ScheduleFiles;
import vn.bantin.timetable.ScheduleProblem;
import vn.bantin.timetable.ScheduleSettings;
import vn.bantin.text.Abbreviations;

/**
 * The commands {@code bantin.jar} accepts. The first argument that is not an option names
 * the command; {@code serve} runs when none is named. Options such as
 * {@code --server.port=8081} or {@code --bantin.data-dir=/srv/bantin} pass through to the
 * command.
 *
 * <p>
 * Later features add commands (for example {@code validate} for content files); each is
 * listed by {@code --help} from {@link #COMMANDS}, so the help never drifts from what the
 * jar accepts.
 */
final class CommandLine {

	/**
	 * Returned by {@link #run} when the command started a server that keeps the JVM
	 * alive.
	 */
	static final int KEEP_RUNNING = -1;

	static final int USAGE_ERROR = 2;

	/**
	 * The radio's abbreviation dictionary, in the content folder
	 * ({@code bantin.radio.dictionary}).
	 */
	static final String ABBREVIATIONS = "radio/viet-tat.yaml";

	private static final Map<String, String> COMMANDS = new LinkedHashMap<>();

	static {
		COMMANDS.put("serve", "run the web site, the admin area and the scheduler (default)");
		COMMANDS.put("validate", "validate [CONTENT_DIR] [--schedules=DIR] [--now=INSTANT]: check a content folder"
				+ " (default ./content) and the timetables in the schedules folder (default: beside the content"
				+ " folder, or ./schedules) against it; prints path:line:col: message, exit status 1 when there is"
				+ " any error (warnings only: 0); validate --communes=DIR checks every commune folder of a province"
				+ " (DIR/<key>/commune.yaml, content/, schedules/), naming DIR/<key>/content/items/x.md:line:col");
		COMMANDS.put("export-site",
				"export-site DIR [--base-url=URL] [--languages=vi,en]: write the public site, its feeds, sitemap.xml,"
						+ " robots.txt, styles and media as static files into DIR (replaced only when complete), with links"
						+ " that work under any base URL; canonical and feed addresses use --base-url (default: the commune's"
						+ " website URL); pages in the languages listed (default: every language the site links to);"
						+ " exit status 1 when a link of the site is broken (listed); in a province"
						+ " (--bantin.communes-dir=...), --commune=KEY exports one commune's site, --all one folder per"
						+ " commune (DIR/<key>/)");
		COMMANDS.put("help", "print this help");
	}

	private final PrintStream out;

	private final PrintStream err;

	private final java.time.Clock clock;

	/**
	 * @param out where results go
	 * @param err where problems and summaries go
	 * @param clock what "now" is for checks that look ahead (radio capacity)
	 */
	CommandLine(PrintStream out, PrintStream err, java.time.Clock clock) {
		this.clock = clock;
		this.out = out;
		this.err = err;
	}

	/**
	 * Runs the command named in {@code args}.
	 * @param args the command line
	 * @param server starts the application with the remaining arguments
	 * @return the process exit status, or {@link #KEEP_RUNNING}
	 */
	int run(String[] args, Consumer<String[]> server) {
		return run(args, server, (applicationArgs) -> SpringApplication.run(BantinApplication.class, applicationArgs));
	}

	/**
	 * Runs the command named in {@code args}.
	 * @param args the command line
	 * @param server starts the application with the remaining arguments, to serve
	 * @param application starts the application with the given arguments and returns it,
	 * for commands that use it and stop it ({@code export-site})
	 * @return the process exit status, or {@link #KEEP_RUNNING}
	 */
	int run(String[] args, Consumer<String[]> server, Function<String[], ConfigurableApplicationContext> application) {
		String command = "serve";
		int position = -1;
		for (int i = 0; i < args.length; i++) {
			if (args[i].equals("--help") || args[i].equals("-h")) {
				printHelp(this.out);
				return 0;
			}
			if (!args[i].startsWith("-") && position < 0) {
				command = args[i];
				position = i;
			}
		}
		String[] rest = without(args, position);
		switch (command) {
			case "serve" -> {
				server.accept(rest);
				return KEEP_RUNNING;
			}
			case "help" -> {
				printHelp(this.out);
				return 0;
			}
			case "validate" -> {
				return validate(rest);
			}
			case "export-site" -> {
				return exportSite(rest, application);
			}
			default -> {
				this.err.println("bantin: unknown command '" + command + "'");
				printHelp(this.err);
				return USAGE_ERROR;
			}
		}
	}

	/**
	 * Checks a content folder and a schedules folder without starting the application:
	 * usable in a content repository's CI. Schedules are checked against the content's
	 * plans and items (radio capacity over the next 8 weeks from now, or {@code --now}).
	 */
	private int validate(String[] args) {
		Path folder = null;
		Path schedules = null;
		ZoneId zone = ZoneId.of("Asia/Ho_Chi_Minh");
		Instant now = this.clock.instant();
		int wordsPerMinute = ScheduleSettings.defaults().readingWordsPerMinute();
		Path communes = null;
		try {
			for (String arg : args) {
				if (arg.startsWith("--communes=")) {
					communes = Path.of(arg.substring("--communes=".length()));
				}
				else if (arg.startsWith("--bantin.zone=")) {
					zone = ZoneId.of(arg.substring("--bantin.zone=".length()));
				}
				else if (arg.startsWith("--schedules=")) {
					schedules = Path.of(arg.substring("--schedules=".length()));
				}
				else if (arg.startsWith("--now=")) {
					now = Instant.parse(arg.substring("--now=".length()));
				}
				else if (arg.startsWith("--bantin.schedule.reading-words-per-minute=")) {
					wordsPerMinute = Integer
						.parseInt(arg.substring("--bantin.schedule.reading-words-per-minute=".length()));
				}
				else if (!arg.startsWith("-")) {
					folder = Path.of(arg);
				}
			}
		}
		catch (RuntimeException ex) {
			this.err.println("bantin validate: " + ex.getMessage());
			return USAGE_ERROR;
		}
		if (communes != null) {
			return validateCommunes(communes, zone, now, wordsPerMinute);
		}
		if (schedules == null) {
			// beside the content folder named, else ./schedules; none when absent
			schedules = (folder != null) ? sibling(folder, "schedules") : Path.of("schedules");
			if (!Files.isDirectory(schedules)) {
				schedules = null;
			}
		}
		else if (!Files.isDirectory(schedules)) {
			this.err.println("bantin validate: " + schedules + " is not a folder");
			return USAGE_ERROR;
		}
		folder = (folder != null) ? folder : Path.of("content");
		if (!Files.isDirectory(folder)) {
			this.err.println("bantin validate: " + folder + " is not a folder");
			return USAGE_ERROR;
		}
		return (check(folder, schedules, zone, now, wordsPerMinute) == 0) ? 0 : 1;
	}

	/**
	 * Checks every commune folder of a province: each {@code commune.yaml}, then the
	 * content and schedules of each commune whose file reads, in its zone.
	 */
	private int validateCommunes(Path communes, ZoneId zone, Instant now, int wordsPerMinute) {
		if (!Files.isDirectory(communes)) {
			this.err.println("bantin validate: " + communes + " is not a folder");
			return USAGE_ERROR;
		}
		CommuneFolders.Reading reading = CommuneFolders.read(communes, zone);
		String prefix = prefix(communes);
		reading.problems().forEach((problem) -> this.out.println(prefix + problem));
		this.err.println(communes + ": " + reading.communes().size() + " commune(s), "
				+ (reading.problems().isEmpty() ? "no problems" : reading.problems().size() + " problem(s)"));
		int errors = reading.problems().size();
		for (CommuneFolders.CommuneFolder commune : reading.communes()) {
			Path schedules = Files.isDirectory(commune.schedules()) ? commune.schedules() : null;
			if (!Files.isDirectory(commune.content())) {
				this.err.println(commune.content() + ": no content folder");
				continue;
			}
			errors += check(commune.content(), schedules, commune.zone(), now, wordsPerMinute);
		}
		return (errors == 0) ? 0 : 1;
	}

	/**
	 * Checks one content folder and its schedules folder (if any), printing each problem.
	 * @return the number of errors (warnings do not count)
	 */
	private int check(Path folder, Path schedules, ZoneId zone, Instant now, int wordsPerMinute) {
		ContentFiles.Contents contents = ContentFiles.contents(folder, zone, now);
		List<String> problems = new ArrayList<>(contents.problems().stream().map(ContentProblem::toString).toList());
		// the radio's abbreviation dictionary lives in the content folder too
		Path dictionary = folder.resolve(ABBREVIATIONS);
		if (Files.exists(dictionary)) {
			problems.addAll(Abbreviations.read(dictionary, ABBREVIATIONS).problems());
		}
		String contentPrefix = prefix(folder);
		problems.forEach((problem) -> this.out.println(contentPrefix + problem));
		this.err.println(folder + ": " + (problems.isEmpty() ? "no problems" : problems.size() + " problem(s)"));
		int errors = problems.size();
		if (schedules != null) {
			List<ScheduleProblem> found = ScheduleFiles.validate(schedules, zone, now, contents.plans(),
					contents.items(), wordsPerMinute);
			String prefix = prefix(schedules);
			found.forEach((problem) -> this.out.println(prefix + problem));
			long warnings = found.stream().filter(ScheduleProblem::warning).count();
			errors += (int) (found.size() - warnings);
			this.err.println(schedules + ": " + (found.isEmpty() ? "no problems"
					: (found.size() - warnings) + " error(s), " + warnings + " warning(s)"));
		}
		return errors;
	}

	/**
	 * Starts the application as {@code serve} would (same database, content and
	 * schedules), but on a random loopback port and with the scheduler paused, exports
	 * the site and stops. What is due is published first, on this thread
	 * ({@link SiteExport}), so the export does not race the scheduler.
	 */
	private int exportSite(String[] args, Function<String[], ConfigurableApplicationContext> application) {
		Path dir = null;
		URI baseUrl = null;
		Set<String> languages = new LinkedHashSet<>();
		List<String> applicationArgs = new ArrayList<>();
		String communeKey = null;
		boolean all = false;
		for (String arg : args) {
			if (arg.startsWith("--commune=")) {
				communeKey = arg.substring("--commune=".length()).strip();
			}
			else if (arg.equals("--all")) {
				all = true;
			}
			else if (arg.startsWith("--base-url=")) {
				try {
					baseUrl = new URI(arg.substring("--base-url=".length()).strip());
				}
				catch (URISyntaxException ex) {
					this.err.println("bantin export-site: --base-url: " + ex.getMessage());
					return USAGE_ERROR;
				}
				if (!baseUrl.isAbsolute()
						|| !List.of("http", "https").contains(baseUrl.getScheme().toLowerCase(Locale.ROOT))
						|| baseUrl.getHost() == null || baseUrl.getRawQuery() != null
						|| baseUrl.getRawFragment() != null) {
					this.err.println("bantin export-site: --base-url must be an absolute http(s) address without query"
							+ " or fragment, such as https://hoangtrung.thanhhoa.gov.vn/ (got '" + baseUrl + "')");
					return USAGE_ERROR;
				}
			}
			else if (arg.startsWith("--languages=")) {
				for (String language : arg.substring("--languages=".length()).split(",")) {
					if (!language.isBlank()) {
						languages.add(language.strip().toLowerCase(Locale.ROOT));
					}
				}
			}
			else if (arg.startsWith("--server.port=") || arg.startsWith("--server.address=")) {
				// the export reads the application on a loopback port of its own
				continue;
			}
			else if (!arg.startsWith("-") && dir == null) {
				dir = Path.of(arg);
			}
			else {
				applicationArgs.add(arg);
			}
		}
		if (dir == null) {
			this.err.println("bantin export-site: name the folder to write, e.g. export-site ./site");
			return USAGE_ERROR;
		}
		if (all && (communeKey != null || baseUrl != null)) {
			this.err.println("bantin export-site: --all exports every commune at its own website URL; give neither"
					+ " --commune nor --base-url with it");
			return USAGE_ERROR;
		}
		if (all || communeKey != null) {
			// the crawl names each commune's host; the JDK's client refuses that unless
			// told
			System.setProperty("jdk.httpclient.allowRestrictedHeaders", "host");
		}
		try {
			if (!all) {
				SiteExport.refuseToReplaceForeign(dir.toAbsolutePath().normalize());
			}
		}
		catch (IOException ex) {
			this.err.println("bantin export-site: " + ex.getMessage());
			return USAGE_ERROR;
		}
		applicationArgs
			.addAll(List.of("--server.address=127.0.0.1", "--server.port=0", "--spring.quartz.auto-startup=false"));
		ConfigurableApplicationContext started;
		try {
			started = application.apply(applicationArgs.toArray(String[]::new));
		}
		catch (RuntimeException ex) {
			// Spring Boot has logged why
			this.err.println("bantin export-site: the application did not start; " + dir + " is left as it was");
			return 1;
		}
		if (all || communeKey != null) {
			try (ConfigurableApplicationContext context = started) {
				return exportCommunes(context, dir, communeKey, baseUrl, languages);
			}
		}
		try (ConfigurableApplicationContext context = started) {
			SiteExport export = context.getBean(SiteExport.class);
			URI base = (baseUrl != null) ? baseUrl : export.defaultBaseUrl().orElse(null);
			if (base == null) {
				this.err.println("bantin export-site: the commune has no website URL: give --base-url=URL");
				return USAGE_ERROR;
			}
			int port = ((WebServerApplicationContext) context).getWebServer().getPort();
			long began = System.nanoTime();
			SiteExport.Report report = export.export(URI.create("http://127.0.0.1:" + port + "/"), dir, base,
					languages);
			double seconds = (System.nanoTime() - began) / 1e9;
			for (SiteExport.Broken broken : report.broken()) {
				this.out.println(((broken.status() < 0) ? "no answer" : broken.status()) + " " + broken.url()
						+ (broken.linkedFrom().isEmpty() ? ""
								: " linked from " + String.join(", ", broken.linkedFrom()))
						+ ((broken.error() != null) ? " (" + broken.error() + ")" : ""));
			}
			report.problems().forEach(this.out::println);
			this.err.printf(Locale.ROOT,
					"%s: %d page(s), %d file(s), %.1f MB for %s in %.1f s; %d broken link(s), %d problem(s)%n",
					report.dir(), report.pages(), report.files(), report.bytes() / 1e6, report.baseUrl(), seconds,
					report.broken().size(), report.problems().size());
			return report.ok() ? 0 : 1;
		}
		catch (IOException | UncheckedIOException ex) {
			this.err.println("bantin export-site: " + ex.getMessage() + "; " + dir + " is left as it was");
			return 1;
		}
	}

	/**
	 * Exports one commune's site ({@code --commune=KEY}) into {@code dir}, or every
	 * commune's ({@code key == null}) into {@code dir/<key>/}, each in its commune's
	 * scope and asked for with its first host name.
	 */
	private int exportCommunes(ConfigurableApplicationContext context, Path dir, String key, URI baseUrl,
			Set<String> languages) {
		Communes communes = context.getBean(Communes.class);
		List<Communes.CommuneSummary> chosen = communes.all()
			.stream()
			.filter((c) -> key == null || c.key().equals(key))
			.filter((c) -> key != null || !c.hosts().isEmpty())
			.toList();
		if (chosen.isEmpty()) {
			this.err.println(
					"bantin export-site: " + ((key != null)
							? "no commune '" + key + "'; the communes are "
									+ String.join(", ",
											communes.all().stream().map(Communes.CommuneSummary::key).toList())
							: "no commune with a host name to export"));
			return USAGE_ERROR;
		}
		SiteExport export = context.getBean(SiteExport.class);
		int port = ((WebServerApplicationContext) context).getWebServer().getPort();
		boolean ok = true;
		for (Communes.CommuneSummary commune : chosen) {
			Path target = (key != null) ? dir : dir.resolve(commune.key());
			String host = commune.hosts().isEmpty() ? null : commune.hosts().get(0);
			CurrentCommune.Scope scope = communes.scope(commune.key()).orElseThrow();
			try {
				SiteExport.Report report = CurrentCommune.call(scope, () -> {
					URI base = (baseUrl != null) ? baseUrl : export.defaultBaseUrl().orElse(null);
					if (base == null) {
						return null;
					}
					try {
						return export.export(URI.create("http://127.0.0.1:" + port + "/"), target, base, languages,
								host);
					}
					catch (IOException ex) {
						throw new UncheckedIOException(ex);
					}
				});
				if (report == null) {
					this.err
						.println("bantin export-site: " + commune.key() + " has no website URL: give --base-url=URL");
					ok = false;
					continue;
				}
				report.broken()
					.forEach((broken) -> this.out.println(commune.key() + ": "
							+ ((broken.status() < 0) ? "no answer" : broken.status()) + " " + broken.url()));
				report.problems().forEach((problem) -> this.out.println(commune.key() + ": " + problem));
				this.err.printf(Locale.ROOT,
						"%s: %s: %d page(s), %d file(s) for %s; %d broken link(s), %d problem(s)%n", commune.key(),
						report.dir(), report.pages(), report.files(), report.baseUrl(), report.broken().size(),
						report.problems().size());
				ok &= report.ok();
			}
			catch (UncheckedIOException ex) {
				this.err.println("bantin export-site: " + commune.key() + ": " + ex.getMessage() + "; " + target
						+ " is left as it was");
				ok = false;
			}
		}
		return ok ? 0 : 1;
	}

	/** The folder beside another, written as short as the other was. */
	private static Path sibling(Path folder, String name) {
		Path normal = folder.normalize();
		boolean current = normal.toString().isEmpty() || normal.getFileName() == null;
		return (current ? folder.toAbsolutePath().normalize() : normal).resolveSibling(name);
	}

	private static String prefix(Path folder) {
		return folder.toString().replace('\\', '/').replaceAll("/+$", "") + "/";
	}

	private void printHelp(PrintStream stream) {
		stream.println("Usage: java -jar bantin.jar [COMMAND] [--option=value ...]");
		stream.println();
		stream.println("Commands:");
		COMMANDS.forEach((name, description) -> stream.printf("  %-12s %s%n", name, description));
		stream.println();
		stream.println("Options (any Spring Boot property, for example):");
		stream.println("  --server.port=8080            HTTP port");
		stream.println("  --bantin.data-dir=./data      database, media and caches");
		stream.println("  --spring.profiles.active=postgres   use PostgreSQL (SPRING_DATASOURCE_URL, ...)");
		stream.println();
		stream.println("Environment: BANTIN_ADMIN_PASSWORD sets the password of user 'admin' on first start.");
	}

	private static String[] without(String[] args, int position) {
		if (position < 0) {
			return args;
		}
		String[] rest = Arrays.copyOf(args, args.length - 1);
		System.arraycopy(args, position + 1, rest, position, args.length - position - 1);
		return rest;
	}

}
