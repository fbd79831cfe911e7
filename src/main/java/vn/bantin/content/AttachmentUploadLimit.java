package vn.bantin.content;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

import vn.bantin.system.UploadRoute;

/**
 * An item's attachments, which may be larger than the 1 MB other routes take
 * ({@link UploadRoute}): up to {@link Attachments#MAX_BYTES}. A larger request is refused
 * before its body is read, with a 413 page naming the limit; smaller files are still
 * measured where they are read.
 */
@Configuration(proxyBeanMethods = false)
class AttachmentUploadLimit {

	@Bean
	UploadRoute attachmentUpload() {
		return UploadRoute.of("/admin/items/[^/]+/attachments", DataSize.ofBytes(Attachments.MAX_BYTES));
	}

}
