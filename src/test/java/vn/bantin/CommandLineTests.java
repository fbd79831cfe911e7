package vn.bantin;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CommandLineTests {

	final ByteArrayOutputStream out = new ByteArrayOutputStream();

	final ByteArrayOutputStream err = new ByteArrayOutputStream();

	final List<String[]> served = new ArrayList<>();

	int run(String... args) {
		CommandLine commandLine = new CommandLine(new PrintStream(this.out, true, StandardCharsets.UTF_8),
				new PrintStream(this.err, true, StandardCharsets.UTF_8),
				java.time.Clock.fixed(java.time.Instant.parse("2026-11-29T00:00:00Z"), java.time.ZoneOffset.UTC));
		return commandLine.run(args, this.served::add);
	}

	@Test
	void helpListsTheCommandsAndExitsWithoutStartingTheServer() {
		assertThat(run("--help")).isZero();
		assertThat(this.out.toString(StandardCharsets.UTF_8)).contains("serve", "help", "--bantin.data-dir",
				"BANTIN_ADMIN_PASSWORD");
		assertThat(this.served).isEmpty();
	}

	@Test
	void serveIsTheDefaultAndPassesOptionsThrough() {
		assertThat(run("--server.port=8181", "--bantin.data-dir=/tmp/x")).isEqualTo(CommandLine.KEEP_RUNNING);
		assertThat(this.served).singleElement()
			.satisfies((args) -> assertThat(args).containsExactly("--server.port=8181", "--bantin.data-dir=/tmp/x"));
	}

	@Test
	void namedServeCommandIsRemovedFromTheServerArguments() {
		run("--server.port=1", "serve", "--x=y");
		assertThat(this.served.get(0)).containsExactly("--server.port=1", "--x=y");
	}

	@Test
	void unknownCommandIsAUsageErrorOnStandardError() {
		assertThat(run("frobnicate")).isEqualTo(CommandLine.USAGE_ERROR);
		assertThat(this.err.toString(StandardCharsets.UTF_8)).contains("unknown command 'frobnicate'", "Commands:");
		assertThat(this.served).isEmpty();
	}

	@Test
	void exportSiteWithoutAFolderIsAUsageErrorAndStartsNothing() {
		assertThat(run("export-site", "--base-url=https://example.org/")).isEqualTo(CommandLine.USAGE_ERROR);
		assertThat(this.err.toString(StandardCharsets.UTF_8)).contains("name the folder to write");
		assertThat(this.served).isEmpty();
	}

	@Test
	void exportSiteRefusesABaseUrlThatIsNotAnAbsoluteHttpAddress() {
		for (String bad : new String[] { "xa-hoang-trung/", "ftp://example.org/", "https://example.org/?a=1" }) {
			assertThat(run("export-site", "site", "--base-url=" + bad)).as(bad).isEqualTo(CommandLine.USAGE_ERROR);
		}
		assertThat(this.err.toString(StandardCharsets.UTF_8))
			.contains("--base-url must be an absolute http(s) address");
		assertThat(this.served).isEmpty();
	}

	@Test
	void helpListsExportSite() {
		assertThat(run("help")).isZero();
		assertThat(this.out.toString(StandardCharsets.UTF_8)).contains("export-site DIR [--base-url=URL]");
	}

}
