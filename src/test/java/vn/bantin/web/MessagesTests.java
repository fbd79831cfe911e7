package vn.bantin.web;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import vn.bantin.account.Role;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every UI string exists in Vietnamese and in English, and every key the code and
 * templates use is defined.
 */
class MessagesTests {

	static final Path RESOURCES = Path.of("src/main/resources");

	/** {@code #{key}} or {@code #{key(args)}} with a literal key in a template. */
	static final Pattern TEMPLATE_KEY = Pattern.compile("#\\{([a-zA-Z][\\w.-]*)[}(]");

	/** A string literal in Java code shaped like a message key. */
	static final Pattern JAVA_LITERAL = Pattern.compile("\"([a-z]+(?:\\.[a-zA-Z0-9-]+)+)\"");

	@Test
	void vietnameseAndEnglishHaveTheSameKeys() throws IOException {
		Set<String> vietnamese = keys("messages.properties");
		Set<String> english = keys("messages_en.properties");
		assertThat(difference(vietnamese, english)).as("keys missing in messages_en.properties").isEmpty();
		assertThat(difference(english, vietnamese)).as("keys missing in messages.properties").isEmpty();
	}

	@Test
	void noKeyIsDefinedTwice() throws IOException {
		for (String file : new String[] { "messages.properties", "messages_en.properties" }) {
			List<String> keys = Files.readAllLines(RESOURCES.resolve(file), StandardCharsets.UTF_8)
				.stream()
				.filter((line) -> line.contains("=") && !line.startsWith("#"))
				.map((line) -> line.substring(0, line.indexOf('=')).strip())
				.toList();
			assertThat(keys).as(file).doesNotHaveDuplicates();
		}
	}

	@Test
	void noMessageIsBlank() throws IOException {
		for (String file : new String[] { "messages.properties", "messages_en.properties" }) {
			Properties properties = load(file);
			assertThat(properties.stringPropertyNames()).as(file)
				.allSatisfy((key) -> assertThat(properties.getProperty(key)).as(key).isNotBlank());
		}
	}

	@Test
	void everyKeyUsedInTemplatesIsDefined() throws IOException {
		Set<String> defined = keys("messages.properties");
		Set<String> used = new TreeSet<>();
		try (Stream<Path> templates = Files.walk(RESOURCES.resolve("templates"))) {
			for (Path template : templates.filter((p) -> p.toString().endsWith(".html")).toList()) {
				Matcher matcher = TEMPLATE_KEY.matcher(Files.readString(template, StandardCharsets.UTF_8));
				while (matcher.find()) {
					used.add(matcher.group(1));
				}
			}
		}
		assertThat(used).hasSizeGreaterThan(20);
		assertThat(difference(used, defined)).as("keys used in templates but not defined").isEmpty();
	}

	/**
	 * A file's name such as {@code commune.yaml}: not a message key though it looks like
	 * one.
	 */
	private static final Pattern FILE_NAME = Pattern.compile(".*\\.(yaml|yml|md|html|xml|csv|json|ics)");

	@Test
	void everyKeyNamedInJavaCodeIsDefined() throws IOException {
		Set<String> defined = keys("messages.properties");
		Set<String> prefixes = defined.stream()
			.map((k) -> k.substring(0, k.indexOf('.') + 1))
			.collect(Collectors.toSet());
		Set<String> used = new TreeSet<>();
		try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
			for (Path source : sources.filter((p) -> p.toString().endsWith(".java")).toList()) {
				Matcher matcher = JAVA_LITERAL.matcher(Files.readString(source, StandardCharsets.UTF_8));
				while (matcher.find()) {
					String literal = matcher.group(1);
					if (prefixes.stream().anyMatch(literal::startsWith) && literal.contains(".")
							&& !literal.startsWith("bantin.") && !FILE_NAME.matcher(literal).matches()) {
						used.add(literal);
					}
				}
			}
		}
		assertThat(used).contains("account.error.password-short", "commune.error.logo-type");
		assertThat(difference(used, defined)).as("keys named in Java but not defined").isEmpty();
	}

	@Test
	void keysBuiltAtRunTimeAreDefined() throws IOException {
		Set<String> defined = keys("messages.properties");
		for (Role role : Role.values()) {
			assertThat(defined).contains("role." + role.name());
		}
		assertThat(defined).contains("language.vi", "language.en");
		for (String field : new String[] { "name", "shortName", "level", "address", "phone", "email", "websiteUrl",
				"signerTitle", "signerName", "parentUnits", "localeTag" }) {
			assertThat(defined).contains("commune.field." + field);
		}
	}

	private static Set<String> difference(Set<String> a, Set<String> b) {
		Set<String> result = new TreeSet<>(a);
		result.removeAll(b);
		return result;
	}

	private static Set<String> keys(String file) throws IOException {
		return new TreeSet<>(load(file).stringPropertyNames());
	}

	private static Properties load(String file) throws IOException {
		Properties properties = new Properties();
		try (Reader reader = Files.newBufferedReader(RESOURCES.resolve(file), StandardCharsets.UTF_8)) {
			properties.load(reader);
		}
		return properties;
	}

}
