package vn.bantin.commune;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.StringUtils;

import vn.bantin.cluster.ClusterChanges;
import vn.bantin.system.BantinProperties;
import vn.bantin.system.CommuneTenancy;
import vn.bantin.system.CurrentCommune;
import vn.bantin.system.FileSignature;
import vn.bantin.system.FileStore;
import vn.bantin.system.RuleViolation;
import vn.bantin.text.VietnameseText;

/**
 * The commune's identity as every module sees it.
 *
 * <p>
 * {@link #identity()} is cheap: the value is cached for a few seconds, so that every page
 * can show it and a change made on another node of a cluster shows up shortly after.
 */
@Service
public class Commune {

	static final long MAX_LOGO_BYTES = 512 * 1024;

	private static final Duration CACHE_FOR = Duration.ofSeconds(10);

	private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

	private final CommuneRecordStore records;

	private final CommuneSettings settings;

	private final BantinProperties properties;

	private final FileStore files;

	private final Clock clock;

	private final TransactionTemplate transactions;

	private final CommuneTenancy tenancy;

	/** By commune id. */
	private final Map<Long, Cached> cached = new ConcurrentHashMap<>();

	private final ClusterChanges changes;

	Commune(CommuneRecordStore records, CommuneSettings settings, BantinProperties properties, FileStore files,
			Clock clock, TransactionTemplate transactions, CommuneTenancy tenancy, ClusterChanges changes) {
		this.changes = changes;
		this.files = files;
		this.tenancy = tenancy;
		this.records = records;
		this.settings = settings;
		this.properties = properties;
		this.clock = clock;
		this.transactions = transactions;
	}

	/** The identity of the commune in scope. */
	public CommuneIdentity identity() {
		return current().identity();
	}

	/**
	 * When the identity (or the logo) last changed, as cheap as {@link #identity()}: the
	 * public pages show the identity, so they changed no earlier than this.
	 */
	public Instant updatedAt() {
		return current().updatedAt();
	}

	private Cached current() {
		long commune = this.tenancy.requireCommune();
		Cached current = this.cached.get(commune);
		Instant now = this.clock.instant();
		if (current == null || now.isAfter(current.until())) {
			CommuneRecord record = stored();
			CommuneDetails details = record.details();
			CommuneIdentity identity = new CommuneIdentity(details.name(), details.shortName(), details.level(),
					details.parentUnits(), details.address(), details.phone(), details.email(), details.websiteUrl(),
					record.logoFile() != null, details.signerTitle(), details.signerName(), record.zone(),
					details.locale());
			current = new Cached(identity, record.updatedAt(), now.plus(CACHE_FOR));
			this.cached.put(commune, current);
		}
		return current;
	}

	/** Where the uploaded logo lies, if there is one. */
	public Optional<Path> logo() {
		String file = stored().logoFile();
		return Optional.ofNullable(file).map((name) -> logoFolder().resolve(name)).filter(Files::isReadable);
	}

	CommuneDetails details() {
		return stored().details();
	}

	/**
	 * Replaces the editable identity.
	 * @throws RuleViolation naming the first field that is missing or malformed
	 */
	void update(CommuneDetails edited) {
		CommuneDetails details = normalise(edited);
		check(details);
		this.transactions.executeWithoutResult((tx) -> stored().apply(details, this.clock.instant()));
		forget();
		this.changes.announce(Communes.TOPIC, 0);
	}

	/**
	 * Stores a new logo (PNG, JPEG or WebP, at most {@value #MAX_LOGO_BYTES} bytes). The
	 * file is written completely before it replaces the old one, so a failed upload
	 * leaves the old logo in place.
	 */
	void replaceLogo(byte[] image) {
		if (image.length == 0 || image.length > MAX_LOGO_BYTES) {
			throw new RuleViolation("logo", "commune.error.logo-size");
		}
		String extension = imageExtension(image)
			.orElseThrow(() -> new RuleViolation("logo", "commune.error.logo-type"));
		Instant now = this.clock.instant();
		String name = "logo-" + now.toEpochMilli() + "." + extension;
		try {
			this.files.write(logoFolder().resolve(name), image);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not store the logo in " + logoFolder(), ex);
		}
		String previous = this.transactions.execute((tx) -> {
			CommuneRecord record = stored();
			String old = record.logoFile();
			record.useLogo(name, now);
			return old;
		});
		if (previous != null && !previous.equals(name)) {
			try {
				Files.deleteIfExists(logoFolder().resolve(previous));
			}
			catch (IOException ex) {
				// an orphaned old logo wastes a little disk and harms nothing
			}
		}
		forget();
		this.changes.announce(Communes.TOPIC, 0);
	}

	/**
	 * Copies {@code bantin.commune.*} into the default commune on the first start, and
	 * keeps its zone that of {@code bantin.zone}.
	 */
	void seedIfMissing() {
		this.transactions.executeWithoutResult((tx) -> {
			CommuneRecord record = this.records.findById(CurrentCommune.DEFAULT).orElse(null);
			Instant now = this.clock.instant();
			if (record == null) {
				this.records.save(new CommuneRecord("default", this.properties.defaultZone(),
						normalise(CommuneDetails.of(this.settings)), now));
			}
			else {
				if (!record.configured()) {
					record.apply(normalise(CommuneDetails.of(this.settings)), now);
				}
				if (!record.zone().equals(this.properties.defaultZone())) {
					record.zone(this.properties.defaultZone(), now);
				}
			}
		});
		forget();
	}

	/** Drops the cached identities, after a change. */
	void forget() {
		this.cached.clear();
	}

	private CommuneRecord stored() {
		long commune = this.tenancy.requireCommune();
		return this.records.findById(commune).filter(CommuneRecord::configured).orElseGet(() -> {
			if (commune == CurrentCommune.DEFAULT) {
				seedIfMissing();
			}
			return this.records.findById(commune).orElseThrow();
		});
	}

	private Path logoFolder() {
		long commune = this.tenancy.requireCommune();
		return (commune == CurrentCommune.DEFAULT) ? this.files.folder("commune")
				: this.files.folder("commune").resolve(Long.toString(commune));
	}

	private static CommuneDetails normalise(CommuneDetails details) {
		return new CommuneDetails(clean(details.name()), clean(details.shortName()), clean(details.level()),
				details.parentUnits().stream().map(Commune::clean).filter((u) -> !u.isEmpty()).toList(),
				clean(details.address()), clean(details.phone()), clean(details.email()), clean(details.websiteUrl()),
				clean(details.signerTitle()), clean(details.signerName()), clean(details.localeTag()));
	}

	private static String clean(String value) {
		return value == null ? "" : VietnameseText.nfc(value.strip());
	}

	private static void check(CommuneDetails details) {
		require("name", details.name());
		require("shortName", details.shortName());
		require("level", details.level());
		require("signerTitle", details.signerTitle());
		if (StringUtils.hasText(details.email()) && !EMAIL.matcher(details.email()).matches()) {
			throw new RuleViolation("email", "commune.error.email");
		}
		if (!isWebAddress(details.websiteUrl())) {
			throw new RuleViolation("websiteUrl", "commune.error.website-url");
		}
		if (!CommuneDetails.LOCALES.contains(details.localeTag())) {
			throw new RuleViolation("localeTag", "commune.error.locale");
		}
	}

	private static void require(String field, String value) {
		if (!StringUtils.hasText(value)) {
			throw new RuleViolation(field, "commune.error.required");
		}
	}

	/** An absolute http(s) address with a host: a commune's website. */
	static boolean isWebAddress(String url) {
		try {
			URI uri = URI.create(url);
			return uri.getScheme() != null
					&& List.of("http", "https").contains(uri.getScheme().toLowerCase(Locale.ROOT))
					&& uri.getHost() != null;
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

	/** Logos: PNG, JPEG or WebP. */
	static Optional<String> imageExtension(byte[] bytes) {
		return FileSignature.extension(bytes).filter(Set.of("png", "jpg", "webp")::contains);
	}

	private record Cached(CommuneIdentity identity, Instant updatedAt, Instant until) {
	}

}
