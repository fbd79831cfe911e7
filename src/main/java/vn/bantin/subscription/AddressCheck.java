package vn.bantin.subscription;

import java.util.regex.Pattern;

import vn.bantin.text.VietnameseText;

/**
 * Whether a text is an email address, for every way one comes in (the sign-up form,
 * staff, the API, imports): one {@code @}, no spaces or characters that need quoting, a
 * domain with a dot, within the lengths SMTP allows. A plain syntactic check: whether the
 * mailbox exists is learnt from the server (bounces).
 */
final class AddressCheck {

	private static final Pattern ADDRESS = Pattern
		.compile("[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
				+ "@[\\p{L}\\p{N}]([\\p{L}\\p{N}-]*[\\p{L}\\p{N}])?(\\.[\\p{L}\\p{N}]([\\p{L}\\p{N}-]*[\\p{L}\\p{N}])?)+");

	private AddressCheck() {
	}

	/** The address trimmed and in NFC, or {@code null} when it is not a valid address. */
	static String valid(String text) {
		if (text == null) {
			return null;
		}
		String address = VietnameseText.nfc(text.strip());
		int at = address.indexOf('@');
		if (address.isEmpty() || address.length() > 254 || at < 1 || at > 64 || !ADDRESS.matcher(address).matches()) {
			return null;
		}
		return address;
	}

}
