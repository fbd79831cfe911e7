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
 * (multipart/alternative, a Vietnamese RFC 2047 subject, a text and an HTML part of about
 * the same size, one recipient) but nothing is stored, rendered or checked.
 *
 * <pre>
 * java -cp "$(cat target/bench-mail.classpath)" bench/mail/BareLoop.java HOST PORT N
 * </pre>
 *
 * Prints "messages seconds messages_per_second".
 */
public class BareLoop {

	public static void main(String[] args) throws Exception {
		String host = args[0];
		int port = Integer.parseInt(args[1]);
		int n = Integer.parseInt(args[2]);
		Properties properties = new Properties();
		properties.put("mail.smtp.host", host);
		properties.put("mail.smtp.port", String.valueOf(port));
		Session session = Session.getInstance(properties);
		String text = "Thông báo về việc tiêm phòng vắc-xin cho gia súc, gia cầm đợt 2 năm 2026. ".repeat(20);
		String html = "<!doctype html><html><body><h1>Thông báo tiêm phòng</h1><p>" + text + "</p></body></html>";
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

}
