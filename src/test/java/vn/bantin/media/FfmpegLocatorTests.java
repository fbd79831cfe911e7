package vn.bantin.media;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Which ffmpeg runs, decided with real executables: the bundled binary, the same binary
 * run from a search path as a "system" ffmpeg, shell scripts that claim to be ffmpeg but
 * lack what the pipeline needs or fail, and, where it is installed (always on CI),
 * Debian's {@code ffmpeg}.
 */
@ExtendWith(OutputCaptureExtension.class)
class FfmpegLocatorTests {

	@TempDir
	Path dir;

	/**
	 * A folder holding {@code ffmpeg}, a script that runs the bundled binary: a complete
	 * ffmpeg.
	 */
	Path complete() throws IOException {
		return script("complete", "#!/bin/sh\nexec '" + FfmpegLocator.extractBundled() + "' \"$@\"\n");
	}

	/**
	 * A folder holding {@code ffmpeg}, a script that says it is ffmpeg 9.9 but has only
	 * the {@code atrim} filter and no MP3 encoder.
	 */
	Path lacking() throws IOException {
		return script("lacking", """
				#!/bin/sh
				case "$2" in
				  -version) echo "ffmpeg version 9.9-stub Copyright (c) 2000-2026 the FFmpeg developers" ;;
				  -filters) echo "Filters:"; echo " ... atrim             A->A       Pick one section." ;;
				  -encoders) echo "Encoders:"; echo " A....D aac                  AAC" ;;
				esac
				""");
	}

	/** A folder holding {@code ffmpeg}, a script that fails whatever it is asked. */
	Path failing() throws IOException {
		return script("failing", "#!/bin/sh\necho 'error while loading shared libraries' >&2\nexit 127\n");
	}

	private Path script(String name, String text) throws IOException {
		Path folder = Files.createDirectories(this.dir.resolve(name));
		Path ffmpeg = Files.writeString(folder.resolve("ffmpeg"), text, StandardCharsets.UTF_8);
		Files.setPosixFilePermissions(ffmpeg, PosixFilePermissions.fromString("rwxr-xr-x"));
		return folder;
	}

	Path empty() throws IOException {
		return Files.createDirectories(this.dir.resolve("empty"));
	}

	static FfmpegLocator locator(String setting, Path... searchPath) {
		return new FfmpegLocator(setting, List.of(searchPath), FfmpegLocator::extractBundled);
	}

	@Test
	void autoPrefersAnFfmpegOnThePathOverTheBundledOne(CapturedOutput output) throws IOException {
		Path complete = complete();
		FfmpegBinary binary = locator("auto", empty(), complete).binary();
		assertThat(binary.origin()).isEqualTo(FfmpegBinary.Origin.SYSTEM);
		assertThat(binary.choice()).isEqualTo(FfmpegBinary.Choice.FOUND);
		assertThat(binary.path()).isEqualTo(complete.resolve("ffmpeg"));
		assertThat(binary.version()).isEqualTo("4.4.1-static");
		assertThat(output).contains("Audio: ffmpeg 4.4.1-static (system, found) at " + complete.resolve("ffmpeg"));
	}

	@Test
	void autoPassesOverFfmpegsThatFailOrLackWhatThePipelineNeeds() throws IOException {
		Path failing = failing();
		Path lacking = lacking();
		Path complete = complete();
		FfmpegBinary chosen = locator("auto", failing, lacking, complete).binary();
		assertThat(chosen.path()).isEqualTo(complete.resolve("ffmpeg"));
		assertThat(chosen.origin()).isEqualTo(FfmpegBinary.Origin.SYSTEM);

		FfmpegBinary fallback = locator("auto", failing, lacking).binary();
		assertThat(fallback.origin()).isEqualTo(FfmpegBinary.Origin.BUNDLED);
		assertThat(fallback.choice()).isEqualTo(FfmpegBinary.Choice.FALLBACK);
		assertThat(fallback.path()).isEqualTo(FfmpegLocator.extractBundled());
		assertThat(fallback.detail()).contains(failing.resolve("ffmpeg") + " failed with exit code 127")
			.contains(lacking.resolve("ffmpeg") + " lacks the filters asetpts, aformat, volume, alimiter, loudnorm, "
					+ "ebur128, silencedetect, aresample");
	}

	@Test
	void autoFallsBackToTheBundledOneWhenThePathHasNoFfmpeg(CapturedOutput output) throws IOException {
		FfmpegBinary binary = locator("auto", empty()).binary();
		assertThat(binary.origin()).isEqualTo(FfmpegBinary.Origin.BUNDLED);
		assertThat(binary.choice()).isEqualTo(FfmpegBinary.Choice.FALLBACK);
		assertThat(binary.version()).isEqualTo("4.4.1-static");
		assertThat(binary.detail()).isEqualTo("no ffmpeg on the PATH");
		assertThat(output)
			.contains("Audio: ffmpeg 4.4.1-static (bundled, fallback) at " + binary.path() + ": no ffmpeg on the PATH");
	}

	@Test
	void bundledTakesTheBinaryJave2ShipsEvenWithAnotherOnThePath() throws IOException {
		FfmpegBinary binary = locator("bundled", complete()).binary();
		assertThat(binary.origin()).isEqualTo(FfmpegBinary.Origin.BUNDLED);
		assertThat(binary.choice()).isEqualTo(FfmpegBinary.Choice.BUNDLED);
		assertThat(binary.path()).isEqualTo(FfmpegLocator.extractBundled()).isExecutable();
		assertThat(binary.version()).isEqualTo("4.4.1-static");
	}

	@Test
	void aConfiguredPathIsTakenWhateverThePathHolds() throws IOException {
		Path configured = complete().resolve("ffmpeg");
		FfmpegBinary binary = locator(configured.toString(), lacking()).binary();
		assertThat(binary.origin()).isEqualTo(FfmpegBinary.Origin.SYSTEM);
		assertThat(binary.choice()).isEqualTo(FfmpegBinary.Choice.CONFIGURED);
		assertThat(binary.path()).isEqualTo(configured);
	}

	@Test
	void aConfiguredPathThatCannotBeUsedFailsInsteadOfFallingBack() throws IOException {
		Path complete = complete();
		Path missing = this.dir.resolve("khong-co/ffmpeg");
		assertThatIllegalStateException().isThrownBy(() -> locator(missing.toString(), complete).binary())
			.withMessageContaining("bantin.audio.ffmpeg=" + missing)
			.withMessageContaining("is not an executable file");
		Path lacking = lacking().resolve("ffmpeg");
		assertThatIllegalStateException().isThrownBy(() -> locator(lacking.toString(), complete).binary())
			.withMessageContaining(lacking + " lacks the filters asetpts");
	}

	/**
	 * Debian's maintained ffmpeg is what {@code auto} takes where it is installed. CI
	 * installs it ({@code .ci/run}), so there the test must run; elsewhere it needs
	 * {@code apt-get install ffmpeg}.
	 */
	@Test
	void debiansFfmpegIsTheOneChosenWhereItIsInstalled() throws IOException {
		Path debian = Path.of("/usr/bin/ffmpeg");
		if (!"true".equals(System.getenv("CI"))) {
			assumeTrue(Files.isExecutable(debian), "Debian's ffmpeg is not installed (sudo apt-get install ffmpeg)");
		}
		FfmpegBinary binary = FfmpegLocator.of(FfmpegLocator.AUTO).binary();
		assertThat(binary.origin()).isEqualTo(FfmpegBinary.Origin.SYSTEM);
		assertThat(binary.choice()).isEqualTo(FfmpegBinary.Choice.FOUND);
		// /bin is /usr/bin on Debian: whichever the PATH names first
		assertThat(binary.path().toRealPath()).isEqualTo(debian.toRealPath());
		assertThat(binary.version()).matches("\\d+\\.\\d+(\\.\\d+)?-.*deb.*").doesNotStartWith("4.4.1");
	}

}
