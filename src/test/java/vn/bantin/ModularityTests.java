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

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.JavaType;
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

	static final String API_BEGIN = "<!-- module-api:begin (written by ModularityTests) -->";

	static final String API_END = "<!-- module-api:end -->";

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
	 * Public types other modules' tests drive directly, for want of a public way in; each
	 * with the reason. Keep this short.
	 */
	static final java.util.Map<String, String> PUBLIC_FOR_TESTS = java.util.Map.of("schedule.Broadcast",
			"SimulatedRadioDayTests puts an emergency on the air as the engine does", "schedule.CommuneTriggers",
			"ApplicationRestartTests schedules a trigger of its own on the commune's clock");

	/**
	 * A module's API is what other modules use of it, nothing more: a public type in a
	 * module's base package that no other module refers to, and that no public member of
	 * a used API type exposes (a record's component, a method's parameter), should be
	 * package-private, so that a newcomer reading the API table below sees only what is
	 * really shared.
	 */
	@Test
	void everyPublicTypeOfAModuleIsUsedByAnotherModule() {
		List<String> unused = new ArrayList<>();
		this.modules.forEach((module) -> {
			List<JavaClass> api = api(module).toList();
			List<JavaClass> used = api.stream().filter((type) -> usedOutside(module, type)).toList();
			// what the used types expose, and what that exposes in turn
			java.util.Set<JavaClass> exposed = new java.util.HashSet<>(used);
			for (int size = -1; size != exposed.size();) {
				size = exposed.size();
				exposed.addAll(exposed.stream().flatMap(ModularityTests::exposedBy).toList());
			}
			api.stream()
				.filter((type) -> !used.contains(type) && !exposed.contains(type))
				.map((type) -> module.getName() + "." + type.getSimpleName())
				.filter((name) -> !PUBLIC_FOR_TESTS.containsKey(name))
				.forEach(unused::add);
		});
		assertThat(unused).as("public types that no other module uses; make them package-private").isEmpty();
	}

	private static boolean usedOutside(ApplicationModule module, JavaClass type) {
		return type.getDirectDependenciesToSelf()
			.stream()
			.map((dependency) -> dependency.getOriginClass())
			.anyMatch((origin) -> !module.contains(origin));
	}

	/**
	 * The types a public type's public members name, type arguments included (a
	 * {@code List<Campaign>} exposes {@code Campaign}): what using it exposes.
	 */
	private static Stream<JavaClass> exposedBy(JavaClass type) {
		Stream<JavaType> methods = type.getMethods()
			.stream()
			.filter((method) -> method.getModifiers().contains(JavaModifier.PUBLIC))
			.flatMap((method) -> Stream.concat(Stream.of(method.getReturnType()), method.getParameterTypes().stream()));
		Stream<JavaType> constructors = type.getConstructors()
			.stream()
			.filter((constructor) -> constructor.getModifiers().contains(JavaModifier.PUBLIC))
			.flatMap((constructor) -> constructor.getParameterTypes().stream());
		Stream<JavaType> fields = type.getFields()
			.stream()
			.filter((field) -> field.getModifiers().contains(JavaModifier.PUBLIC))
			.map((field) -> field.getType());
		return Stream.of(methods, constructors, fields)
			.flatMap((types) -> types)
			.flatMap((javaType) -> javaType.getAllInvolvedRawTypes().stream());
	}

	/**
	 * Rewrites the diagram block and the API table of docs/architecture.md, and the
	 * Documenter's diagrams and canvases in docs/modules/, from the code. On CI (where a
	 * stale document would otherwise go unnoticed) a document that had to change fails
	 * the test, so that the committed documents always match the code.
	 */
	@Test
	void architectureDocumentHoldsTheCurrentModuleDiagramAndApi() throws IOException {
		new Documenter(this.modules, Documenter.Options.defaults().withOutputFolder("docs/modules"))
			.writeModulesAsPlantUml()
			.writeIndividualModulesAsPlantUml()
			.writeModuleCanvases();
		sortRelations(Path.of("docs/modules"));
		String document = Files.readString(ARCHITECTURE, StandardCharsets.UTF_8);
		String rewritten = replaced(replaced(document, BEGIN, END, "\n" + mermaid() + "\n"), API_BEGIN, API_END,
				"\n" + apiTable() + "\n");
		if (!rewritten.equals(document)) {
			Files.writeString(ARCHITECTURE, rewritten, StandardCharsets.UTF_8);
			assertThat("true".equals(System.getenv("CI")))
				.as("docs/architecture.md had a stale module diagram or API table; it was rewritten, commit it")
				.isFalse();
		}
		assertThat(Files.readString(ARCHITECTURE, StandardCharsets.UTF_8)).contains(mermaid()).contains(apiTable());
	}

	private static String replaced(String document, String begin, String end, String content) {
		int from = document.indexOf(begin);
		int to = document.indexOf(end);
		assertThat(from).as("docs/architecture.md needs the markers %s and %s", begin, end).isNotNegative();
		assertThat(to).isGreaterThan(from);
		return document.substring(0, from + begin.length()) + content + document.substring(to);
	}

	/** The public top-level types of a module's base package: its API. */
	private static Stream<JavaClass> api(ApplicationModule module) {
		return module.getNamedInterfaces()
			.getUnnamedInterface()
			.asJavaClasses()
			.filter((type) -> type.getModifiers().contains(JavaModifier.PUBLIC))
			.filter((type) -> type.isTopLevelClass())
			.filter((type) -> !type.getSimpleName().equals("package-info"));
	}

	private String apiTable() {
		StringBuilder table = new StringBuilder(
				"| module | public API (other modules may use these types only) |\n|---|---|\n");
		this.modules.stream().sorted(Comparator.comparing(ApplicationModule::getName)).forEach((module) -> {
			String types = api(module).map(JavaClass::getSimpleName)
				.sorted()
				.map((name) -> "`" + name + "`")
				.collect(Collectors.joining(", "));
			table.append("| [`")
				.append(module.getName())
				.append("`](modules/module-")
				.append(module.getName())
				.append(".adoc) | ")
				.append(types.isEmpty() ? "—" : types)
				.append(" |\n");
		});
		return table.toString().stripTrailing();
	}

	/**
	 * The Documenter lists relations in no stable order; sorting them keeps the committed
	 * files unchanged while the modules are.
	 */
	private static void sortRelations(Path folder) throws IOException {
		try (Stream<Path> files = Files.list(folder)) {
			for (Path file : files.filter((f) -> f.toString().endsWith(".adoc")).toList()) {
				Files.write(file, sortedCells(Files.readAllLines(file, StandardCharsets.UTF_8)),
						StandardCharsets.UTF_8);
			}
		}
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

	/**
	 * A canvas cell lists its entries ({@code |* a}, {@code * b}, ...) in no stable order
	 * either: sorted, they stay the same while the module does.
	 */
	private static List<String> sortedCells(List<String> lines) {
		List<String> sorted = new ArrayList<>(lines);
		for (int start = 0; start < sorted.size(); start++) {
			if (!sorted.get(start).startsWith("|* ")) {
				continue;
			}
			int end = start + 1;
			while (end < sorted.size() && sorted.get(end).startsWith("* ")) {
				end++;
			}
			List<String> entries = new ArrayList<>();
			entries.add(sorted.get(start).substring(1));
			entries.addAll(sorted.subList(start + 1, end));
			entries.sort(Comparator.naturalOrder());
			sorted.set(start, "|" + entries.get(0));
			for (int i = 1; i < entries.size(); i++) {
				sorted.set(start + i, entries.get(i));
			}
			start = end - 1;
		}
		return sorted;
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
