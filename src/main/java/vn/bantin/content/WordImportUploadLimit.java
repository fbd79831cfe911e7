package vn.bantin.content;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

import vn.bantin.system.UploadRoute;

/**
 * The editor's uploads, which take files larger than the 1 MB other routes take
 * ({@link UploadRoute}): a Word file to import ({@link WordImport#MAX_BYTES}) and an
 * item's attachment ({@link Attachments#MAX_BYTES}). A request larger than that is
 * refused before its body is read: a Word file with the import form and the reason
 * ({@code ?refused=too-large}), an attachment with a 413 page naming the limit. Smaller
 * files are still measured where they are read.
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

	@Bean
	UploadRoute attachmentUpload() {
		return UploadRoute.of("/admin/items/[^/]+/attachments", DataSize.ofBytes(Attachments.MAX_BYTES));
	}

}
