package vn.bantin.content;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.dao.DataAccessException;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import vn.bantin.BantinProperties;

/**
 * Loads the content folder at start. Each file is read and stored on its own, in its own
 * transaction, so that a bad file is reported and skipped while the others load.
 */
@Component
class ContentFolder implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(ContentFolder.class);

	private final BantinProperties properties;

	private final Plans plans;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private volatile List<ContentProblem> problems = List.of();

	ContentFolder(BantinProperties properties, Plans plans, TransactionTemplate transactions, Clock clock) {
		this.properties = properties;
		this.plans = plans;
		this.transactions = transactions;
		this.clock = clock;
	}

	@Override
	public void run(ApplicationArguments args) {
		load();
	}

	/**
	 * Reads every plan file and upserts the good ones.
	 * @return the problems found, also kept for {@link #problems()}
	 */
	List<ContentProblem> load() {
		Path root = this.properties.contentDir();
		Path folder = root.resolve("plans");
		List<ContentProblem> found = new ArrayList<>();
		if (!Files.isDirectory(folder)) {
			log.info("No plans folder at {}: no plan loaded", folder.toAbsolutePath());
			this.problems = List.of();
			return this.problems;
		}
		int loaded = 0;
		try (Stream<Path> files = Files.list(folder)) {
			for (Path file : files.filter((f) -> f.getFileName().toString().endsWith(".md")).sorted().toList()) {
				String relative = root.relativize(file).toString().replace('\\', '/');
				PlanFile.Reading reading = read(file, relative);
				found.addAll(reading.problems());
				if (reading.ok()) {
					try {
						store(reading.plan(), relative);
						loaded++;
					}
					catch (DataAccessException ex) {
						// one file the database refuses (e.g. a value too long) must not
						// stop the others
						found.add(new ContentProblem(relative, 1, 1,
								"could not be stored: " + ex.getMostSpecificCause().getMessage()));
					}
				}
			}
		}
		catch (IOException ex) {
			found.add(new ContentProblem(folder.toString(), 1, 1, "cannot list the folder: " + ex.getMessage()));
		}
		found.forEach((problem) -> log.warn("Content problem: {}", problem));
		log.info("Loaded {} plan file(s) from {}; {} problem(s)", loaded, folder.toAbsolutePath(), found.size());
		this.problems = List.copyOf(found);
		return this.problems;
	}

	/** The problems of the last load. */
	List<ContentProblem> problems() {
		return this.problems;
	}

	private static PlanFile.Reading read(Path file, String relative) {
		try {
			String text = StandardCharsets.UTF_8.newDecoder()
				.decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file)))
				.toString();
			return PlanFile.parse(relative, text);
		}
		catch (CharacterCodingException ex) {
			return new PlanFile.Reading(null,
					List.of(new ContentProblem(relative, 1, 1, "the file is not UTF-8; save it as UTF-8")));
		}
		catch (IOException ex) {
			return new PlanFile.Reading(null,
					List.of(new ContentProblem(relative, 1, 1, "cannot read the file: " + ex.getMessage())));
		}
	}

	private void store(PlanFile file, String relative) {
		this.transactions.executeWithoutResult((tx) -> {
			Plan plan = this.plans.findById(file.id()).orElseGet(() -> new Plan(file.id()));
			plan.refresh(file, relative, this.clock.instant());
			this.plans.save(plan);
		});
	}

}
