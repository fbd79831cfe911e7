package vn.bantin.web;

import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.TemporalAccessor;
import java.util.Set;

import org.thymeleaf.context.IExpressionContext;
import org.thymeleaf.dialect.AbstractDialect;
import org.thymeleaf.dialect.IExpressionObjectDialect;
import org.thymeleaf.expression.IExpressionObjectFactory;

import org.springframework.stereotype.Component;

import vn.bantin.text.Timestamps;

/**
 * {@code #timestamps} in every template: machine-readable dates through
 * {@link Timestamps}, to the second, e.g.
 * {@code <time th:datetime="${#timestamps.iso(item.publishedAt)}">}. Writing an
 * {@link Instant} directly ({@code th:datetime="${item.publishedAt}"}) prints all its
 * microseconds, which HTML's {@code datetime} refuses.
 */
@Component
class TimestampDialect extends AbstractDialect implements IExpressionObjectDialect {

	static final String NAME = "timestamps";

	private static final Expressions EXPRESSIONS = new Expressions();

	TimestampDialect() {
		super("Bản tin timestamps");
	}

	@Override
	public IExpressionObjectFactory getExpressionObjectFactory() {
		return new IExpressionObjectFactory() {

			@Override
			public Set<String> getAllExpressionObjectNames() {
				return Set.of(NAME);
			}

			@Override
			public Object buildObject(IExpressionContext context, String expressionObjectName) {
				return NAME.equals(expressionObjectName) ? EXPRESSIONS : null;
			}

			@Override
			public boolean isCacheable(String expressionObjectName) {
				return true;
			}

		};
	}

	/** The methods templates call on {@code #timestamps}. */
	public static final class Expressions {

		/**
		 * Any date or time (an {@link Instant} in UTC) as an ISO 8601 value to the
		 * second, for {@code datetime} attributes; null for null.
		 */
		public String iso(TemporalAccessor value) {
			return Timestamps.iso(value);
		}

		/** An instant with the offset of {@code zone}, to the second; null for null. */
		public String iso(Instant at, ZoneId zone) {
			return Timestamps.iso(at, zone);
		}

	}

}
