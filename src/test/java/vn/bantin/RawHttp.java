package vn.bantin;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * HTTP/1.1 over a plain socket to a test server, for requests that {@code HttpClient}
 * refuses to send: a {@code Host} header of the caller's choice, a multipart body with a
 * NUL in a file name, a declared length larger than the body sent. One request per
 * connection ({@code Connection: close}); the answer is read as far as its length (or
 * last chunk) says, or until the server closes the connection, so that an answer given
 * before the server read the body is seen without sending the rest; chunked bodies are
 * joined.
 */
public final class RawHttp {

	private RawHttp() {
	}

	/**
	 * Sends a request and reads the answer.
	 * @param port the server's port on 127.0.0.1
	 * @param head the request line and headers, each ending in CRLF, without the empty
	 * line that ends the head ({@code Connection: close} is added)
	 * @param body the body, or an empty array
	 */
	public static Response send(int port, String head, byte[] body) throws IOException {
		try (Socket socket = new Socket("127.0.0.1", port)) {
			socket.setSoTimeout(60_000);
			OutputStream out = socket.getOutputStream();
			out.write((head + "Connection: close\r\n\r\n").getBytes(StandardCharsets.UTF_8));
			try {
				out.write(body);
				out.flush();
			}
			catch (IOException ex) {
				// the server may answer and close before it has read the whole body
			}
			return Response.read(socket.getInputStream());
		}
	}

	/**
	 * An answer: status, headers (names in lower case, values in order) and the body.
	 *
	 * @param status the status code
	 * @param headers the headers by lower-case name
	 * @param body the body as text (UTF-8)
	 */
	public record Response(int status, Map<String, List<String>> headers, String body) {

		/** The first value of a header, or null. */
		public String header(String name) {
			List<String> values = this.headers.get(name.toLowerCase(Locale.ROOT));
			return (values == null || values.isEmpty()) ? null : values.get(0);
		}

		/** Every value of a header. */
		public List<String> all(String name) {
			return this.headers.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
		}

		static Response read(InputStream in) throws IOException {
			ByteArrayOutputStream all = new ByteArrayOutputStream();
			byte[] buffer = new byte[8192];
			try {
				for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
					all.write(buffer, 0, n);
					if (complete(all.toByteArray())) {
						break;
					}
				}
			}
			catch (IOException ex) {
				// a reset after the answer: keep what came
			}
			return parse(all.toByteArray());
		}

		/**
		 * Whether the bytes hold a whole answer, framed by its length or its last chunk.
		 */
		private static boolean complete(byte[] bytes) {
			String text = new String(bytes, StandardCharsets.ISO_8859_1);
			int end = text.indexOf("\r\n\r\n");
			if (end < 0) {
				return false;
			}
			String head = text.substring(0, end).toLowerCase(Locale.ROOT);
			Matcher length = Pattern.compile("\r\ncontent-length:\\s*(\\d+)").matcher(head);
			if (length.find()) {
				return bytes.length - (end + 4) >= Long.parseLong(length.group(1));
			}
			if (head.contains("\r\ntransfer-encoding: chunked")) {
				return text.endsWith("\r\n0\r\n\r\n");
			}
			return false;
		}

		private static Response parse(byte[] bytes) throws IOException {
			String text = new String(bytes, StandardCharsets.UTF_8);
			int end = text.indexOf("\r\n\r\n");
			if (end < 0) {
				throw new IOException("No complete answer: " + text);
			}
			String[] lines = text.substring(0, end).split("\r\n");
			int status = Integer.parseInt(lines[0].split(" ")[1]);
			Map<String, List<String>> headers = new LinkedHashMap<>();
			for (int i = 1; i < lines.length; i++) {
				int colon = lines[i].indexOf(':');
				headers
					.computeIfAbsent(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT),
							(k) -> new ArrayList<>())
					.add(lines[i].substring(colon + 1).strip());
			}
			String body = text.substring(end + 4);
			if ("chunked"
				.equalsIgnoreCase(String.valueOf(headers.getOrDefault("transfer-encoding", List.of("")).get(0)))) {
				body = unchunked(body);
			}
			return new Response(status, headers, body);
		}

		private static String unchunked(String chunked) {
			StringBuilder body = new StringBuilder();
			byte[] bytes = chunked.getBytes(StandardCharsets.UTF_8);
			int at = 0;
			while (at < bytes.length) {
				int lineEnd = indexOf(bytes, at);
				if (lineEnd < 0) {
					break;
				}
				String size = new String(bytes, at, lineEnd - at, StandardCharsets.US_ASCII).split(";")[0].strip();
				int length = size.isEmpty() ? 0 : Integer.parseInt(size, 16);
				if (length == 0) {
					break;
				}
				int start = lineEnd + 2;
				int stop = Math.min(bytes.length, start + length);
				body.append(new String(bytes, start, stop - start, StandardCharsets.UTF_8));
				at = stop + 2;
			}
			return body.toString();
		}

		private static int indexOf(byte[] bytes, int from) {
			for (int i = from; i + 1 < bytes.length; i++) {
				if (bytes[i] == '\r' && bytes[i + 1] == '\n') {
					return i;
				}
			}
			return -1;
		}

	}

}
