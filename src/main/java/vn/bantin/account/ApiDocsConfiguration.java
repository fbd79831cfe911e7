package vn.bantin.account;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI description of the JSON API at {@code /v3/api-docs} (springdoc): every
 * operation needs a bearer token, except {@code POST /api/tokens}, which takes the user's
 * password over HTTP Basic.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocsConfiguration {

	static final String BEARER = "bearer";

	static final String BASIC = "basic";

	@Bean
	OpenAPI bantinOpenApi() {
		return new OpenAPI()
			.info(new Info().title("Bản tin API")
				.version("1")
				.description("Items and their approval workflow, the agenda (what goes out when) and the history of "
						+ "publications, with the same permissions as the web editor. "
						+ "Get a token with POST /api/tokens (HTTP Basic), then send Authorization: Bearer <token>. "
						+ "Errors are RFC 9457 problem details.")
				.license(new License().name("GPL-3.0-or-later")))
			.components(new Components()
				.addSecuritySchemes(BEARER,
						new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("bt_…"))
				.addSecuritySchemes(BASIC, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")))
			.addSecurityItem(new SecurityRequirement().addList(BEARER));
	}

}
