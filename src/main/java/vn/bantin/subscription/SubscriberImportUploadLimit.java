package vn.bantin.subscription;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

import vn.bantin.system.UploadRoute;

/**
 * The subscribers' CSV import takes files up to {@link SubscriberImport#MAX_BYTES}, more
 * than the 1 MB other routes take ({@link UploadRoute}); a larger request is answered 413
 * with the limit before its body is read.
 */
@Configuration(proxyBeanMethods = false)
class SubscriberImportUploadLimit {

	@Bean
	UploadRoute subscriberImportUpload() {
		return UploadRoute.of("/admin/lists/[^/]+/import", DataSize.ofBytes(SubscriberImport.MAX_BYTES));
	}

}
