package vn.bantin.commune;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;

import vn.bantin.system.BantinProperties;
import vn.bantin.system.CurrentCommune;
import vn.bantin.system.RuleViolation;
import vn.bantin.system.YamlFields;

/**
 * The communes of {@code bantin.communes-dir}: one sub-folder per commune, named by its
 * key, holding {@value #FILE} (its identity, host names and zone), {@code content/} and
 * {@code schedules/} in the formats of a single commune.
 *
 * <p>
 * {@link #folders()} reads the folder once, creates or updates each commune whose
 * {@value #FILE} reads cleanly, and hands each folder with the commune's scope to the
 * loaders of content and timetables, which load it in that scope. A commune whose
 * {@value #FILE} has a problem is reported ({@code <key>/commune.yaml:line:col}) and not
 * loaded; the others are. {@link #read(Path, ZoneId)} reads without the database, for
 * {@code bantin.jar validate --communes=DIR}.
 *
 * <p>
 * The commune of a single-commune deployment keeps its key {@code default}: a folder
 * named {@code default/} describes it; other folders are new communes.
 */
@Service
public class CommuneFolders {

	/** The name of each commune's identity file. */
	public static final String FILE = "commune.yaml";

	private static final Logger log = LoggerFactory.getLogger(CommuneFolders.class);

	/** The fields of {@code bantin.commune.*}, and the commune's hosts and zone. */
	private static final Set<String> FIELDS = Set.of("name", "short-name", "level", "parent-units", "address", "phone",
			"email", "website-url", "hosts", "zone", "signer-title", "signer-name", "locale");

	private final ProvinceSettings province;

	private final Communes communes;

	private final BantinProperties properties;

	private List<Folder> folders;

	private List<Problem> problems = List.of();

	CommuneFolders(ProvinceSettings province, Communes communes, BantinProperties properties) {
		this.province = province;
		this.communes = communes;
		this.properties = properties;
	}

	/** Whether the communes live in {@code bantin.communes-dir}. */
	public boolean enabled() {
		return this.province.communesDir() != null;
	}

	/** {@code bantin.communes-dir}, if set. */
	public Optional<Path> root() {
		return Optional.ofNullable(this.province.communesDir()).map((dir) -> dir.toAbsolutePath().normalize());
	}

	/**
	 * The commune folders whose {@value #FILE} read cleanly, each commune created or
	 * updated on the first call; empty when {@code bantin.communes-dir} is unset.
	 */
	public synchronized List<Folder> folders() {
		if (this.folders == null) {
			this.folders = load();
		}
		return this.folders;
	}

	/** The commune folder with this key, if it loaded. */
	public Optional<Folder> folder(String key) {
		return folders().stream().filter((f) -> f.key().equals(key)).findFirst();
	}

	/** The problems of the {@value #FILE} files read by {@link #folders()}. */
	public synchronized List<Problem> problems() {
		folders();
		return this.problems;
	}

	private List<Folder> load() {
		Optional<Path> root = root();
		if (root.isEmpty()) {
			return List.of();
		}
		Reading reading = read(root.get(), this.properties.defaultZone());
		List<Problem> found = new ArrayList<>(reading.problems());
		List<Folder> loaded = new ArrayList<>();
		for (Parsed parsed : reading.parsed()) {
			CommuneFolder folder = parsed.folder();
			try {
				CurrentCommune.Scope scope = this.communes.ensure(folder.key(), parsed.details(), folder.zone(),
						folder.hosts());
				loaded.add(new Folder(folder, scope));
			}
			catch (RuleViolation ex) {
				// a host another commune already has: this commune stays out, the others
				// load
				found.add(new Problem(folder.key() + "/" + FILE, 1, 1,
						"field '" + ex.field() + "': " + (ex.messageKey().endsWith("host-taken")
								? "a host name is already another commune's" : "refused (" + ex.messageKey() + ")")));
			}
		}
		found.forEach((problem) -> log.warn("Commune problem: {}", problem));
		log.info("Loaded {} commune(s) from {}; {} problem(s)", loaded.size(), root.get(), found.size());
		this.problems = List.copyOf(found);
		return List.copyOf(loaded);
	}

	/**
	 * Reads every commune folder under {@code root} without touching the database.
	 * @param root {@code bantin.communes-dir}
	 * @param defaultZone the zone of a commune whose file names none
	 * @return the communes that read cleanly, in key order, and every problem found
	 */
	public static Reading read(Path root, ZoneId defaultZone) {
		List<Problem> problems = new ArrayList<>();
		List<Parsed> parsed = new ArrayList<>();
		if (!Files.isDirectory(root)) {
			problems.add(new Problem("", 1, 1, "no such folder: " + root));
			return new Reading(parsed, problems);
		}
		List<Path> folders;
		try (Stream<Path> list = Files.list(root)) {
			folders = list.filter(Files::isDirectory)
				.filter((f) -> !f.getFileName().toString().startsWith("."))
				.sorted(Comparator.comparing(Path::toString))
				.toList();
		}
		catch (IOException ex) {
			problems.add(new Problem("", 1, 1, "cannot list the folder: " + ex.getMessage()));
			return new Reading(parsed, problems);
		}
		Map<String, String> hostOwners = new HashMap<>();
		for (Path folder : folders) {
			String key = folder.getFileName().toString();
			String path = key + "/" + FILE;
			if (!Communes.KEY.matcher(key).matches()) {
				problems.add(new Problem(key + "/", 1, 1, "a commune folder's name is its key: lower-case letters,"
						+ " digits and '-' (e.g. hoang-trung)"));
				continue;
			}
			Path file = folder.resolve(FILE);
			if (!Files.isRegularFile(file)) {
				problems.add(new Problem(path, 1, 1, "missing: each commune folder needs its " + FILE));
				continue;
			}
			Optional<Parsed> read = parse(key, folder, path, file, defaultZone, problems);
			if (read.isEmpty()) {
				continue;
			}
			boolean clash = false;
			for (String host : read.get().folder().hosts()) {
				String owner = hostOwners.putIfAbsent(host, key);
				if (owner != null) {
					problems.add(new Problem(path, 1, 1, "host '" + host + "' is already a host of " + owner));
					clash = true;
				}
			}
			if (!clash) {
				parsed.add(read.get());
			}
		}
		return new Reading(parsed, problems);
	}

	private static Optional<Parsed> parse(String key, Path folder, String path, Path file, ZoneId defaultZone,
			List<Problem> problems) {
		String text;
		try {
			text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(Files.readAllBytes(file))).toString();
		}
		catch (CharacterCodingException ex) {
			problems.add(new Problem(path, 1, 1, "the file is not UTF-8; save it as UTF-8"));
			return Optional.empty();
		}
		catch (IOException ex) {
			problems.add(new Problem(path, 1, 1, "cannot read the file: " + ex.getMessage()));
			return Optional.empty();
		}
		int before = problems.size();
		YamlFields.Problems located = (line, column, message) -> problems.add(new Problem(path, line, column, message));
		Optional<YamlFields> parsed = YamlFields.parse(text, 1, FIELDS, located, null);
		if (parsed.isEmpty()) {
			return Optional.empty();
		}
		YamlFields fields = parsed.get();
		String name = fields.text("name", true, 200);
		String shortName = fields.text("short-name", true, 100);
		String level = fields.text("level", true, 50);
		List<String> units = fields.texts("parent-units", 200);
		String address = orEmpty(fields.text("address", false, 500));
		String phone = orEmpty(fields.text("phone", false, 50));
		String email = orEmpty(fields.text("email", false, 200));
		if (!email.isEmpty() && !email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
			fields.problem("email", ": '" + email + "' is not an email address");
		}
		String website = fields.text("website-url", true, 500);
		if (website != null && !Commune.isWebAddress(website)) {
			fields.problem("website-url", ": '" + website + "' must be an http(s) address, e.g. https://"
					+ key.replace("-", "") + ".thanhhoa.gov.vn/");
		}
		List<String> hosts = new ArrayList<>();
		for (YamlFields.Scalar host : fields.scalars("hosts")) {
			String hostName = Communes.hostName(host.text());
			if (!hostName.matches("[a-z0-9]([a-z0-9.-]{0,251}[a-z0-9])?")) {
				fields.problem(host.mark(), "field 'hosts': '" + host.text()
						+ "' is not a host name (e.g. hoangtrung.thanhhoa.gov.vn, without http:// or a path)");
			}
			else if (!hosts.contains(hostName)) {
				hosts.add(hostName);
			}
		}
		if (!fields.has("hosts")) {
			fields.problem(fields.start(), "missing field 'hosts' (the host names the commune's site answers on)");
		}
		ZoneId zone = defaultZone;
		String zoneText = fields.text("zone", false, 60);
		if (zoneText != null) {
			try {
				zone = ZoneId.of(zoneText);
			}
			catch (DateTimeException ex) {
				fields.problem("zone", ": '" + zoneText + "' is not a time zone (e.g. Asia/Ho_Chi_Minh)");
			}
		}
		String signerTitle = fields.text("signer-title", true, 100);
		String signerName = orEmpty(fields.text("signer-name", false, 100));
		String locale = orEmpty(fields.text("locale", false, 20));
		locale = locale.isEmpty() ? "vi" : locale.toLowerCase(Locale.ROOT);
		if (!CommuneDetails.LOCALES.contains(locale)) {
			fields.problem("locale", ": '" + locale + "' must be one of " + String.join(", ", CommuneDetails.LOCALES));
		}
		if (problems.size() > before) {
			return Optional.empty();
		}
		CommuneDetails details = new CommuneDetails(name, shortName, level, units, address, phone, email, website,
				signerTitle, signerName, locale);
		return Optional.of(new Parsed(new CommuneFolder(key, folder, zone, hosts), details));
	}

	private static String orEmpty(String text) {
		return (text != null) ? text : "";
	}

	/**
	 * What {@link #read(Path, ZoneId)} found: the communes whose file read cleanly, in
	 * key order, and every problem, in folder order.
	 */
	public static final class Reading {

		private final List<Parsed> parsed;

		private final List<Problem> problems;

		Reading(List<Parsed> parsed, List<Problem> problems) {
			this.parsed = List.copyOf(parsed);
			this.problems = List.copyOf(problems);
		}

		/** The commune folders that read cleanly, in key order. */
		public List<CommuneFolder> communes() {
			return this.parsed.stream().map(Parsed::folder).toList();
		}

		/** Every problem found, in folder order. */
		public List<Problem> problems() {
			return this.problems;
		}

		List<Parsed> parsed() {
			return this.parsed;
		}

	}

	/** A commune folder read cleanly, with the identity its file gives. */
	record Parsed(CommuneFolder folder, CommuneDetails details) {
	}

	/**
	 * One commune's folder, as its {@value #FILE} describes it.
	 *
	 * @param key the commune's key (the folder's name)
	 * @param path the folder
	 * @param zone the commune's time zone
	 * @param hosts the host names its public site answers on, first the main one
	 */
	public record CommuneFolder(String key, Path path, ZoneId zone, List<String> hosts) {

		public CommuneFolder {
			hosts = List.copyOf(hosts);
		}

		/** Its content folder, in the format of {@code content/}. */
		public Path content() {
			return this.path.resolve("content");
		}

		/** Its timetable folder, in the format of {@code schedules/}. */
		public Path schedules() {
			return this.path.resolve("schedules");
		}

	}

	/**
	 * A commune folder loaded into its commune.
	 *
	 * @param folder the folder
	 * @param scope the commune's scope, to load its content and timetables in
	 */
	public record Folder(CommuneFolder folder, CurrentCommune.Scope scope) {

		public String key() {
			return this.folder.key();
		}

		public Path content() {
			return this.folder.content().toAbsolutePath().normalize();
		}

		public Path schedules() {
			return this.folder.schedules().toAbsolutePath().normalize();
		}

	}

	/**
	 * A problem in a commune folder, located in the communes folder.
	 *
	 * @param path the file's path relative to the communes folder, e.g.
	 * {@code hoang-trung/commune.yaml}
	 * @param line its 1-based line
	 * @param column its 1-based column
	 * @param message what is wrong and how to fix it
	 */
	public record Problem(String path, int line, int column, String message) {

		@Override
		public String toString() {
			return this.path + ":" + this.line + ":" + this.column + ": " + this.message;
		}

	}

}
