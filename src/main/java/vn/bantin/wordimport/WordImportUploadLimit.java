package vn.bantin.wordimport;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

import vn.bantin.system.UploadRoute;

/**
 * The Word import's upload, which takes files larger than the 1 MB other routes take
 * ({@link UploadRoute}): up to {@link WordImport#MAX_BYTES}. A larger request is refused
 * before its body is read and the editor is sent back to the import form with the reason
 * ({@code ?refused=too-large}). Smaller files are still measured where they are read.
 */
@Configuration(proxyBeanMethods = false)
class WordImportUploadLimit {

	static final String PATH = "/admin/items/import";

	static final String TOO_LARGE = "too-large";

	@Bean
	UploadRoute wordImportUpload() {
		return UploadRoute.of(PATH, DataSize.ofBytes(WordImport.MAX_BYTES), (request, response, path) -> response
			.sendRedirect(request.getContextPath() + PATH + "?refused=" + TOO_LARGE));
	}

}
