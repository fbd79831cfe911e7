package vn.bantin.web;

import java.beans.PropertyEditorSupport;

import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

import vn.bantin.text.VietnameseText;

/**
 * Normalises every text field of every form to NFC before a controller sees it, so that
 * text pasted from Word (often decomposed) is stored like text typed on a keyboard.
 */
@ControllerAdvice
class NfcFormInput {

	@InitBinder
	void normaliseText(WebDataBinder binder) {
		binder.registerCustomEditor(String.class, new PropertyEditorSupport() {
			@Override
			public void setAsText(String text) {
				setValue(VietnameseText.nfc(text));
			}

			@Override
			public String getAsText() {
				Object value = getValue();
				return (value != null) ? value.toString() : "";
			}
		});
	}

}
