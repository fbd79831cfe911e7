package vn.bantin.web;

import java.time.Duration;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.VersionResourceResolver;

/**
 * The pages' stylesheets, scripts and images: served with a hash of their content in the
 * URL ({@code /css/bantin-<md5>.css}) and cached for a year, so phones on slow networks
 * fetch them once. The editor's EasyMDE comes from its webjar, the favicon from the root.
 *
 * <p>
 * Only these folders are resource paths. Spring Boot's default maps {@code /**}, and then
 * every link a page writes (to an item, a list page, a feed) is looked up on the class
 * path at each rendering, because lookups that find nothing are not cached: a
 * lock-contended search of the jar per link, which cut the public pages' throughput by an
 * order of magnitude.
 */
@Configuration(proxyBeanMethods = false)
class StaticResources implements WebMvcConfigurer {

	/** The folders under {@code static/} whose files carry a content hash. */
	static final String[] FOLDERS = { "css", "js", "images" };

	private static final CacheControl A_YEAR = CacheControl.maxAge(Duration.ofDays(365)).cachePublic();

	@Override
	public void addResourceHandlers(ResourceHandlerRegistry registry) {
		for (String folder : FOLDERS) {
			registry.addResourceHandler("/" + folder + "/**")
				.addResourceLocations("classpath:/static/" + folder + "/")
				.setCacheControl(A_YEAR)
				.resourceChain(true)
				.addResolver(new VersionResourceResolver().addContentVersionStrategy("/**"));
		}
		registry.addResourceHandler("/webjars/**")
			.addResourceLocations("classpath:/META-INF/resources/webjars/")
			.setCacheControl(A_YEAR);
		registry.addResourceHandler("/favicon.ico")
			.addResourceLocations("classpath:/static/")
			.setCacheControl(CacheControl.maxAge(Duration.ofDays(7)).cachePublic());
	}

}
