package vn.bantin.commune;

import jakarta.servlet.DispatcherType;

import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Registers {@link CommuneScopeFilter} before Spring Security's filters: sign-in, API
 * tokens and sessions are all looked up in the request's commune.
 */
@Configuration(proxyBeanMethods = false)
class CommuneScopeConfiguration {

	@Bean
	FilterRegistrationBean<CommuneScopeFilter> communeScopeFilter(Communes communes, ProvinceSettings province) {
		FilterRegistrationBean<CommuneScopeFilter> registration = new FilterRegistrationBean<>(
				new CommuneScopeFilter(communes, province));
		registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER - 10);
		registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR, DispatcherType.ASYNC);
		registration.addUrlPatterns("/*");
		return registration;
	}

}
