package vn.bantin.web;

import java.time.Duration;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

import vn.bantin.commune.Commune;

/**
 * Language of the pages: the commune's default (Vietnamese unless changed on the identity
 * page), or the one a visitor picked with {@code ?lang=en} / {@code ?lang=vi}, remembered
 * in a cookie.
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

	static final String LANGUAGE_PARAMETER = "lang";

	@Bean
	LocaleResolver localeResolver(Commune commune, vn.bantin.system.CommuneTenancy tenancy) {
		CookieLocaleResolver resolver = new CookieLocaleResolver("bantin-lang");
		resolver.setCookieMaxAge(Duration.ofDays(365));
		// the province's own pages (no commune in scope) are in Vietnamese
		resolver.setDefaultLocaleFunction((request) -> (tenancy.commune() > 0) ? commune.identity().locale()
				: java.util.Locale.forLanguageTag("vi"));
		return resolver;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		LocaleChangeInterceptor interceptor = new LocaleChangeInterceptor();
		interceptor.setParamName(LANGUAGE_PARAMETER);
		interceptor.setIgnoreInvalidLocale(true);
		registry.addInterceptor(interceptor);
	}

}
