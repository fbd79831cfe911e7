package vn.bantin;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The module structure: each top-level package under {@code vn.bantin} is a module that
 * uses other modules only through their API, with no cycles. Also keeps the module
 * diagram in {@code docs/architecture.md} and {@code docs/modules/} current.
 */
class ModularityTests {

	static final Path ARCHITECTURE = Path.of("docs/architecture.md");

	static final String BEGIN = "<!-- module-diagram:begin (written by ModularityTests) -->";

	static final String END = "<!-- module-diagram:end -->";

	final ApplicationModules modules = ApplicationModules.of(BantinApplication.class);

	@Test
	void modulesDependOnEachOtherOnlyThroughTheirApiWithoutCycles() {
		this.modules.verify();
	}

	@Test
	void expectedFeatureModulesExist() {
		assertThat(this.modules.stream().map(ApplicationModule::getName)).contains("account", "commune", "content",
				"schedule", "site", "text", "web");
	}

	/**
	 * Rewrites the diagram block of docs/architecture.md from the code. On CI (where a
	 * stale diagram would otherwise go unnoticed) a diagram that had to change fails the
	 * test, so that the committed document always matches the code.
	 */
	@Test
	void architectureDocumentHoldsTheCurrentModuleDiagram() throws IOException {
		new Documenter(this.modules, Documenter.Options.defaults().withOutputFolder("docs/modules"))
			.writeModulesAsPlantUml()
			.writeIndividualModulesAsPlantUml();
		sortRelations(Path.of("docs/modules"));
		String document = Files.readString(ARCHITECTURE, StandardCharsets.UTF_8);
		int begin = document.indexOf(BEGIN);
		int end = document.indexOf(END);
		assertThat(begin).as("docs/architecture.md needs the markers %s and %s", BEGIN, END).isNotNegative();
		assertThat(end).isGreaterThan(begin);
		String current = document.substring(begin + BEGIN.length(), end);
		String diagram = "\n" + mermaid() + "\n";
		if (!current.equals(diagram)) {
			Files.writeString(ARCHITECTURE,
					document.substring(0, begin + BEGIN.length()) + diagram + document.substring(end),
					StandardCharsets.UTF_8);
			assertThat("true".equals(System.getenv("CI")))
				.as("docs/architecture.md had a stale module diagram; it was rewritten, commit it")
				.isFalse();
		}
		assertThat(Files.readString(ARCHITECTURE, StandardCharsets.UTF_8)).contains(mermaid());
	}

	/**
	 * The Documenter lists relations in no stable order; sorting them keeps the committed
	 * files unchanged while the modules are.
	 */
	private static void sortRelations(Path folder) throws IOException {
		try (Stream<Path> files = Files.list(folder)) {
			for (Path file : files.filter((f) -> f.toString().endsWith(".puml")).toList()) {
				List<String> lines = new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8));
				List<Integer> positions = new ArrayList<>();
				for (int i = 0; i < lines.size(); i++) {
					if (lines.get(i).startsWith("Rel(")) {
						positions.add(i);
					}
				}
				List<String> relations = positions.stream().map(lines::get).sorted().toList();
				for (int i = 0; i < positions.size(); i++) {
					lines.set(positions.get(i), relations.get(i));
				}
				Files.write(file, lines, StandardCharsets.UTF_8);
			}
		}
	}

	private String mermaid() {
		StringBuilder graph = new StringBuilder("```mermaid\nflowchart LR\n");
		this.modules.stream().sorted(Comparator.comparing(ApplicationModule::getName)).forEach((module) -> {
			graph.append("  ").append(module.getName()).append("[\"").append(module.getDisplayName()).append("\"]\n");
		});
		this.modules.stream().sorted(Comparator.comparing(ApplicationModule::getName)).forEach((module) -> {
			String targets = module.getDirectDependencies(this.modules)
				.uniqueModules()
				.map(ApplicationModule::getName)
				.sorted()
				.distinct()
				.map((target) -> "  " + module.getName() + " --> " + target + "\n")
				.collect(Collectors.joining());
			graph.append(targets);
		});
		return graph.append("```").toString();
	}

}
