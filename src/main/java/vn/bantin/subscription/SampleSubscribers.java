package vn.bantin.subscription;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Puts the sample subscribers of {@code bantin.subscription.sample-file} on their lists
 * when no subscriber exists yet, so that a fresh {@code ./mvnw spring-boot:run} (which
 * passes {@code sample/subscribers.csv}) shows the whole email loop: items released at
 * start go to the officials' list and land as {@code .eml} files in the outbox. Nothing
 * is loaded when the setting is blank (the default, and what a commune's server runs
 * with), so fictional addresses never reach a real commune's lists.
 *
 * <p>
 * The file is CSV in UTF-8 with a header {@code email,name,village,lists}; {@code lists}
 * holds list keys separated by spaces. Consent is recorded as {@code sample data}. A bad
 * row is logged with its line and skipped; the others load.
 */
@Component
class SampleSubscribers {

	static final String SOURCE = "sample data";

	private static final Logger log = LoggerFactory.getLogger(SampleSubscribers.class);

	private final SubscriptionSettings settings;

	private final SubscriberStore subscribers;

	private final SignUps signUps;

	SampleSubscribers(SubscriptionSettings settings, SubscriberStore subscribers, SignUps signUps) {
		this.settings = settings;
		this.subscribers = subscribers;
		this.signUps = signUps;
	}

	@EventListener(ApplicationStartedEvent.class)
	void loadAtStart() {
		if (this.settings.sampleFile() != null && this.subscribers.count() == 0) {
			load(this.settings.sampleFile());
		}
	}

	/**
	 * Loads the file's subscribers.
	 * @return how many rows were loaded
	 */
	int load(Path file) {
		SubscriberImport.Table table;
		try {
			table = SubscriberImport.read(Files.readAllBytes(file));
		}
		catch (IOException | SubscriberImport.Refused ex) {
			log.warn("{}: sample subscribers not loaded: {}", file, ex.getMessage());
			return 0;
		}
		List<String> headers = table.headers().stream().map((h) -> h.strip().toLowerCase(Locale.ROOT)).toList();
		int email = headers.indexOf("email");
		int name = headers.indexOf("name");
		int village = headers.indexOf("village");
		int lists = headers.indexOf("lists");
		if (email < 0 || lists < 0) {
			log.warn("{}:1: sample subscribers need the columns email and lists", file);
			return 0;
		}
		int loaded = 0;
		for (SubscriberImport.Line line : table.lines()) {
			Set<String> keys = Arrays.stream(cell(line, lists).split("\\s+"))
				.filter((key) -> !key.isBlank())
				.collect(Collectors.toSet());
			try {
				this.signUps.signUp(cell(line, email), cell(line, name), cell(line, village), keys, SOURCE, true);
				loaded++;
			}
			catch (IllegalArgumentException ex) {
				log.warn("{}:{}: field 'email': {}", file, line.number(), ex.getMessage());
			}
		}
		log.info("Loaded {} sample subscriber(s) from {}", loaded, file);
		return loaded;
	}

	private static String cell(SubscriberImport.Line line, int column) {
		return (column >= 0 && column < line.cells().size()) ? line.cells().get(column) : "";
	}

}
