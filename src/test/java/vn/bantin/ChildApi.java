package vn.bantin;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import com.jayway.jsonpath.JsonPath;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The JSON API of a {@link ChildApplication}, as the tests that start, kill and start
 * nodes call it: an API token for the initial {@code admin}, then calls with it.
 */
public final class ChildApi {

	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private ChildApi() {
	}

	/**
	 * A new API token of the initial {@code admin} (HTTP Basic with its password), valid
	 * for a day; tokens live in the database, so every node of it takes them.
	 */
	public static String token(ChildApplication application, String adminPassword, String name)
			throws IOException, InterruptedException {
		HttpResponse<String> response = http
			.send(HttpRequest.newBuilder(URI.create(application.baseUrl() + "/api/tokens"))
				.header("Authorization",
						"Basic " + Base64.getEncoder()
							.encodeToString(("admin:" + adminPassword).getBytes(StandardCharsets.UTF_8)))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"" + name + "\",\"expiresInDays\":1}"))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
		return JsonPath.read(response.body(), "$.token");
	}

	/**
	 * Calls the API with the token and a JSON body (or none: {@code json} null); fails
	 * the test unless the answer is a success. Returns the answer's body.
	 */
	public static String call(ChildApplication application, String token, String method, String path, String json)
			throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(application.baseUrl() + path))
			.header("Authorization", "Bearer " + token)
			.header("Accept", "application/json");
		if (json != null) {
			request.header("Content-Type", "application/json")
				.method(method, HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
		}
		else {
			request.method(method, HttpRequest.BodyPublishers.noBody());
		}
		HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isLessThan(300);
		return response.body();
	}

}
