package vn.bantin;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * The application in a process of its own, started with the test's class path, for tests
 * that must stop it the way a power cut or {@code kill -9} does: no shutdown hook, no
 * closing of connections, nothing flushed. In-process contexts cannot be stopped like
 * that.
 *
 * <p>
 * The process runs with the C1 compiler only, which starts it in less than half the CPU
 * time (the kill tests start it eight times).
 *
 * <p>
 * The process writes its output to {@code output.log} in the given folder (shown when it
 * fails to start); {@link #kill()} ends it at once (SIGKILL), {@link #close()} politely.
 */
public final class ChildApplication implements AutoCloseable {

	private final Process process;

	private final int port;

	private final Path log;

	private ChildApplication(Process process, int port, Path log) {
		this.process = process;
		this.port = port;
		this.log = log;
	}

	/**
	 * Starts the application on a free port with these arguments (e.g.
	 * {@code --bantin.data-dir=...}) and waits until it answers {@code /actuator/health}.
	 * @param folder where its output log goes
	 */
	public static ChildApplication start(Path folder, Duration timeout, String... arguments)
			throws IOException, InterruptedException {
		int port = TestPorts.free();
		Files.createDirectories(folder);
		Path log = Files.createTempFile(folder, "output-", ".log");
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.add("-Xmx512m");
		// C1 only: a start then takes less than half the CPU time (measured: 20 s of CPU
		// instead of 45 s on a busy two-core machine), as the C2 compiler's threads no
		// longer compete with the start for the cores; what the process computes is the
		// same
		command.add("-XX:TieredStopAtLevel=1");
		command.add("-Duser.timezone=America/New_York");
		command.add("-Duser.language=tr");
		command.add("-Duser.country=TR");
		command.add("-cp");
		command.add(System.getProperty("java.class.path"));
		command.add(BantinApplication.class.getName());
		command.add("--server.port=" + port);
		command.addAll(List.of(arguments));
		Process process = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
			.start();
		ChildApplication child = new ChildApplication(process, port, log);
		child.awaitHealthy(timeout);
		return child;
	}

	/** The base URL, e.g. {@code http://127.0.0.1:41234}. */
	public String baseUrl() {
		return "http://127.0.0.1:" + this.port;
	}

	/** Ends the process at once, as {@code kill -9} does, and waits for it to be gone. */
	public void kill() throws InterruptedException {
		this.process.destroyForcibly();
		this.process.waitFor(30, TimeUnit.SECONDS);
	}

	/** What the process wrote so far. */
	public String output() {
		try {
			return Files.readString(this.log);
		}
		catch (IOException ex) {
			return "(no output: " + ex.getMessage() + ")";
		}
	}

	@Override
	public void close() throws InterruptedException {
		if (this.process.isAlive()) {
			this.process.destroy();
			if (!this.process.waitFor(30, TimeUnit.SECONDS)) {
				kill();
			}
		}
	}

	private void awaitHealthy(Duration timeout) {
		HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
		try {
			// only this process's health counts: another thread of the test JVM dying (an
			// SMTP server's handler whose connection a kill reset) is not this start's
			// failure
			Awaitility.await()
				.dontCatchUncaughtExceptions()
				.atMost(timeout)
				.pollInterval(Duration.ofMillis(250))
				.until(() -> {
					if (!this.process.isAlive()) {
						throw new IllegalStateException("The application ended while starting:\n" + output());
					}
					return healthy(client);
				});
		}
		catch (ConditionTimeoutException ex) {
			try {
				kill();
			}
			catch (InterruptedException interrupted) {
				Thread.currentThread().interrupt();
			}
			throw new IllegalStateException("The application did not start within " + timeout + ":\n" + output());
		}
	}

	private boolean healthy(HttpClient client) throws InterruptedException {
		try {
			return client
				.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health")).build(),
						HttpResponse.BodyHandlers.ofString())
				.statusCode() == 200;
		}
		catch (IOException ex) {
			return false; // not listening yet
		}
	}

}
