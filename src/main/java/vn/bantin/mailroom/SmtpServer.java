package vn.bantin.mailroom;

import java.time.Duration;
import java.util.Properties;

import jakarta.mail.Session;

import org.springframework.boot.mail.autoconfigure.MailProperties;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.util.StringUtils;

/**
 * The SMTP server of Spring Boot's {@code spring.mail.*} settings, read by the mailroom
 * itself: Boot makes its own mail sender only when the host is set, and the mailroom
 * needs a session it controls (timeouts, one connection per round).
 *
 * @param host the server's host name
 * @param port its port, or -1 for the protocol's default
 * @param username user name for AUTH, or null
 * @param password password for AUTH, or null
 * @param protocol {@code smtp} or {@code smtps}
 */
record SmtpServer(String host, int port, String username, String password, String protocol) {

	/** Where mail goes, for people, e.g. {@code smtp://mail.example.vn:587}. */
	String address() {
		return this.protocol + "://" + this.host + ((this.port > 0) ? ":" + this.port : "");
	}

	static SmtpServer of(MailProperties mail) {
		String protocol = StringUtils.hasText(mail.getProtocol()) ? mail.getProtocol() : "smtp";
		return new SmtpServer(mail.getHost(), (mail.getPort() != null) ? mail.getPort() : -1,
				StringUtils.hasText(mail.getUsername()) ? mail.getUsername() : null, mail.getPassword(), protocol);
	}

	/**
	 * The mail session for this server: the mailroom's timeouts first, then everything of
	 * {@code spring.mail.properties.*}, which wins.
	 */
	static Session session(MailProperties mail, MailroomSettings settings, SslBundles bundles) {
		String protocol = StringUtils.hasText(mail.getProtocol()) ? mail.getProtocol() : "smtp";
		String prefix = "mail." + protocol + ".";
		Properties properties = new Properties();
		properties.setProperty("mail.transport.protocol", protocol);
		properties.setProperty(prefix + "connectiontimeout", millis(settings.connectTimeout()));
		properties.setProperty(prefix + "timeout", millis(settings.readTimeout()));
		properties.setProperty(prefix + "writetimeout", millis(settings.writeTimeout()));
		if (StringUtils.hasText(mail.getUsername())) {
			properties.setProperty(prefix + "auth", "true");
		}
		MailProperties.Ssl ssl = mail.getSsl();
		if (ssl.isEnabled()) {
			properties.setProperty(prefix + "ssl.enable", "true");
		}
		if (ssl.getBundle() != null && bundles != null) {
			properties.put(prefix + "ssl.socketFactory",
					bundles.getBundle(ssl.getBundle()).createSslContext().getSocketFactory());
		}
		if (!ssl.isEnabled() && ssl.getBundle() == null) {
			// no Nagle delay before the final dot of messages larger than the write
			// buffer
			// (plain and STARTTLS connections start on these sockets)
			properties.put(prefix + "socketFactory", new NoDelaySockets());
		}
		if (ssl.isEnabled() || ssl.getBundle() != null) {
			properties.setProperty(prefix + "ssl.checkserveridentity", Boolean.toString(ssl.isVerifyHostname()));
		}
		properties.putAll(mail.getProperties());
		return Session.getInstance(properties);
	}

	private static String millis(Duration duration) {
		return Long.toString(Math.max(1, duration.toMillis()));
	}

}
