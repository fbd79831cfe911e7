package vn.bantin.site;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;

import nu.validator.validation.SimpleDocumentValidator;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXParseException;

/**
 * The W3C Nu HTML checker (the engine of validator.w3.org/nu), run in this JVM on the
 * bundled HTML5 schema, for documents and for stylesheets: nothing is fetched from the
 * network. Only errors count, as on the W3C service; its warnings and information are
 * advice.
 */
public final class HtmlChecker {

	private static final String SCHEMA = "http://s.validator.nu/html5-all.rnc";

	private final Errors errors = new Errors();

	private final SimpleDocumentValidator validator;

	public HtmlChecker() {
		try {
			this.validator = new SimpleDocumentValidator(true, false, false);
			this.validator.setUpMainSchema(SCHEMA, this.errors);
			this.validator.setUpValidatorAndParsers(this.errors, false, false);
		}
		catch (Exception ex) {
			throw new IllegalStateException("The Nu checker could not load its HTML schema", ex);
		}
	}

	/**
	 * The errors in a document.
	 * @param address where the document comes from, named in the errors
	 * @param html the document as served (its bytes, so that the encoding is checked too)
	 * @return one line per error: address, line, column and the checker's message
	 */
	public synchronized List<String> errors(String address, byte[] html) {
		return check(address, html, false);
	}

	/**
	 * The errors in a stylesheet, as {@link #errors(String, byte[])} for a document.
	 */
	public synchronized List<String> cssErrors(String address, byte[] css) {
		return check(address, css, true);
	}

	private List<String> check(String address, byte[] bytes, boolean css) {
		this.errors.found.clear();
		this.errors.address = address;
		InputSource source = new InputSource(new ByteArrayInputStream(bytes));
		source.setSystemId(address);
		source.setEncoding("UTF-8");
		try {
			if (css) {
				this.validator.checkCssInputSource(source);
			}
			else {
				this.validator.checkHtmlInputSource(source);
			}
		}
		catch (Exception ex) {
			this.errors.found.add(address + ": the checker stopped: " + ex);
		}
		return List.copyOf(this.errors.found);
	}

	private static final class Errors implements ErrorHandler {

		final List<String> found = new ArrayList<>();

		String address;

		@Override
		public void warning(SAXParseException exception) {
		}

		@Override
		public void error(SAXParseException exception) {
			this.found.add(this.address + ":" + exception.getLineNumber() + ":" + exception.getColumnNumber() + ": "
					+ exception.getMessage());
		}

		@Override
		public void fatalError(SAXParseException exception) {
			error(exception);
		}

	}

}
