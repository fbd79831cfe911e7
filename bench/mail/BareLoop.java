import java.time.Duration;
import java.util.Properties;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

/**
 * The baseline of bench/mail: the least a Java program must do to send N messages, a bare
 * Jakarta Mail loop over one reused SMTP connection. Each message is built like Bản tin's
 * (multipart/alternative, a Vietnamese RFC 2047 subject, a text and an HTML part, one
 * recipient, list headers) and grown to BYTES bytes (Bản tin's letters for the sample items
 * are 9.3 to 13.8 KB, median 10 KB), but nothing is stored, rendered or checked. Its
 * sockets have Nagle's algorithm off, as Bản tin's do: otherwise each message over 8 KB
 * waits 40 ms for a delayed acknowledgement before its final dot.
 *
 * <pre>
 * java -cp "$(cat target/bench-mail.classpath)" bench/mail/BareLoop.java HOST PORT N [BYTES]
 * </pre>
 *
 * Prints "messages seconds messages_per_second".
 */
public class BareLoop {

	public static void main(String[] args) throws Exception {
		String host = args[0];
		int port = Integer.parseInt(args[1]);
		int n = Integer.parseInt(args[2]);
		int bytes = (args.length > 3) ? Integer.parseInt(args[3]) : 10_000;
		Properties properties = new Properties();
		properties.put("mail.smtp.host", host);
		properties.put("mail.smtp.port", String.valueOf(port));
		properties.put("mail.smtp.socketFactory", new NoDelay());
		Session session = Session.getInstance(properties);
		int repeat = 1;
		while (size(session, text(repeat), html(repeat)) < bytes) {
			repeat++;
		}
		String text = text(repeat);
		String html = html(repeat);
		long start = System.nanoTime();
		try (Transport transport = session.getTransport("smtp")) {
			transport.connect();
			for (int i = 0; i < n; i++) {
				MimeMessage message = new MimeMessage(session);
				message.setFrom(new InternetAddress("ubnd@hoangtrung.example", "UBND xã Hoằng Trung", "UTF-8"));
				InternetAddress to = new InternetAddress("nguoi-" + i + "@example.test");
				message.setRecipient(Message.RecipientType.TO, to);
				message.setSubject("Thông báo tiêm phòng đợt 2 năm 2026", "UTF-8");
				message.setHeader("List-Id", "Cán bộ <can-bo-cong-chuc.hoangtrung.example>");
				message.setHeader("List-Unsubscribe", "<https://hoangtrung.example/unsubscribe?token=" + i + ">");
				message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
				MimeBodyPart plain = new MimeBodyPart();
				plain.setText(text, "UTF-8");
				MimeBodyPart rich = new MimeBodyPart();
				rich.setContent(html, "text/html; charset=UTF-8");
				MimeMultipart alternative = new MimeMultipart("alternative");
				alternative.addBodyPart(plain);
				alternative.addBodyPart(rich);
				message.setContent(alternative);
				message.saveChanges();
				transport.sendMessage(message, new InternetAddress[] { to });
			}
		}
		double seconds = Duration.ofNanos(System.nanoTime() - start).toMillis() / 1000.0;
		System.out.printf(java.util.Locale.ROOT, "%d %.2f %.0f%n", n, seconds, n / seconds);
	}


	private static String text(int repeat) {
		return "Thông báo về việc tiêm phòng vắc-xin cho gia súc, gia cầm đợt 2 năm 2026. ".repeat(repeat);
	}

	private static String html(int repeat) {
		return "<!doctype html><html><body><h1>Thông báo tiêm phòng</h1><p>" + text(repeat) + "</p></body></html>";
	}

	private static int size(Session session, String text, String html) throws Exception {
		MimeMessage message = new MimeMessage(session);
		MimeBodyPart plain = new MimeBodyPart();
		plain.setText(text, "UTF-8");
		MimeBodyPart rich = new MimeBodyPart();
		rich.setContent(html, "text/html; charset=UTF-8");
		MimeMultipart alternative = new MimeMultipart("alternative");
		alternative.addBodyPart(plain);
		alternative.addBodyPart(rich);
		message.setContent(alternative);
		message.saveChanges();
		java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
		message.writeTo(out);
		return out.size() + 600; // the headers set below
	}

	/** Plain sockets with TCP_NODELAY, as Bản tin's mailroom opens them. */
	static final class NoDelay extends javax.net.SocketFactory {

		private static java.net.Socket noDelay(java.net.Socket socket) throws java.io.IOException {
			socket.setTcpNoDelay(true);
			return socket;
		}

		@Override
		public java.net.Socket createSocket() throws java.io.IOException {
			return noDelay(new java.net.Socket());
		}

		@Override
		public java.net.Socket createSocket(String host, int port) throws java.io.IOException {
			return noDelay(new java.net.Socket(host, port));
		}

		@Override
		public java.net.Socket createSocket(String host, int port, java.net.InetAddress local, int localPort)
				throws java.io.IOException {
			return noDelay(new java.net.Socket(host, port, local, localPort));
		}

		@Override
		public java.net.Socket createSocket(java.net.InetAddress host, int port) throws java.io.IOException {
			return noDelay(new java.net.Socket(host, port));
		}

		@Override
		public java.net.Socket createSocket(java.net.InetAddress host, int port, java.net.InetAddress local,
				int localPort) throws java.io.IOException {
			return noDelay(new java.net.Socket(host, port, local, localPort));
		}

	}

}
