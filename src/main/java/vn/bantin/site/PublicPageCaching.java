package vn.bantin.site;

import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * HTTP caching of the public pages: every GET answered by a controller of this module
 * gets the validators and Cache-Control of {@link PageVersion} and is answered 304,
 * without rendering, when the reader already has it. The feeds compute their own
 * validators per feed ({@link FeedVersion}) and the home page adds its radio programme
 * and the day, so both are left out here. Admin pages, in other modules, are not touched
 * and keep Spring Security's {@code no-store}.
 */
@Configuration(proxyBeanMethods = false)
class PublicPageCaching implements WebMvcConfigurer {

	/**
	 * Controllers that set their own validators (or none: the province pages, which
	 * change with every commune).
	 */
	private static final Set<Class<?>> OWN_VALIDATORS = Set.of(FeedController.class, HomeController.class,
			ProvincePortalController.class);

	private final PageVersion version;

	PublicPageCaching(PageVersion version) {
		this.version = version;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new Validators(this.version));
	}

	/** Answers 304 before the page is rendered when the reader's copy is current. */
	private static final class Validators implements HandlerInterceptor {

		private final PageVersion version;

		Validators(PageVersion version) {
			this.version = version;
		}

		@Override
		public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
			if (!(handler instanceof HandlerMethod method) || !publicPage(method) || !readOnly(request)) {
				return true;
			}
			return !this.version.notModified(new ServletWebRequest(request, response), null, null);
		}

		private static boolean publicPage(HandlerMethod method) {
			Class<?> type = method.getBeanType();
			return type.getPackageName().equals(PublicPageCaching.class.getPackageName())
					&& !OWN_VALIDATORS.contains(type);
		}

		private static boolean readOnly(HttpServletRequest request) {
			return HttpMethod.GET.matches(request.getMethod()) || HttpMethod.HEAD.matches(request.getMethod());
		}

	}

}
