package vn.bantin.account;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.boot.actuate.info.Info;
import org.springframework.boot.actuate.info.InfoContributor;
import org.springframework.boot.info.BuildProperties;
import org.springframework.boot.info.JavaInfo;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * What {@code /actuator/info} tells: anyone (uptime checks, the public) the application's
 * version only; an administrator (HTTP Basic, as for the metrics) also the build's time
 * and the exact Java runtime.
 *
 * <p>
 * Spring Boot's own build and Java contributors are off
 * ({@code management.info.build.enabled}, {@code management.info.java.enabled}): they
 * told every anonymous caller the JVM's exact build, which says which published
 * vulnerabilities apply.
 */
@Component
class ApplicationInfo implements InfoContributor {

	private final Optional<BuildProperties> build;

	ApplicationInfo(Optional<BuildProperties> build) {
		this.build = build;
	}

	@Override
	public void contribute(Info.Builder builder) {
		builder.withDetail("version", version());
		if (administrator()) {
			Map<String, Object> build = new LinkedHashMap<>();
			this.build.ifPresent((properties) -> {
				build.put("artifact", properties.getArtifact());
				build.put("time", properties.getTime());
			});
			builder.withDetail("build", build);
			builder.withDetail("java", new JavaInfo());
		}
	}

	private String version() {
		return this.build.map(BuildProperties::getVersion)
			.or(() -> Optional.ofNullable(ApplicationInfo.class.getPackage().getImplementationVersion()))
			.orElse("unknown");
	}

	private static boolean administrator() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return authentication != null && authentication.isAuthenticated()
				&& Role.heldBy(authentication).contains(Role.ADMIN);
	}

}
