package vn.bantin;

import org.springframework.context.annotation.ImportSelector;
import org.springframework.core.type.AnnotationMetadata;

/**
 * Imports the application's transaction manager ({@code system.CommuneTransactions},
 * package-private there) into the JPA slice tests, which would otherwise get Spring
 * Boot's: on PostgreSQL it is the one that tells each transaction its commune, without
 * which row-level security shows a test nothing.
 */
public class CommuneTransactionManager implements ImportSelector {

	@Override
	public String[] selectImports(AnnotationMetadata metadata) {
		return new String[] { "vn.bantin.system.CommuneTransactions" };
	}

}
