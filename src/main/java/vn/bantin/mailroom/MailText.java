package vn.bantin.mailroom;

import java.io.UnsupportedEncodingException;

import java.text.Normalizer;

import jakarta.mail.internet.MimeUtility;

/** Header values as people read them: unfolded and decoded from RFC 2047. */
final class MailText {

	private MailText() {
	}

	static String decode(String header) {
		if (header == null) {
			return "";
		}
		String unfolded = MimeUtility.unfold(header);
		try {
			return Normalizer.normalize(MimeUtility.decodeText(unfolded), Normalizer.Form.NFC);
		}
		catch (UnsupportedEncodingException | RuntimeException ex) {
			return unfolded;
		}
	}

}
