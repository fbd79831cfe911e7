package vn.bantin.schedule;

import java.time.ZoneId;
import java.util.TimeZone;

import org.quartz.CronScheduleBuilder;
import org.quartz.CronTrigger;
import org.quartz.JobKey;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;

import org.springframework.stereotype.Component;

import vn.bantin.system.BantinProperties;

/**
 * Builds Quartz triggers on the commune's wall clock, whatever the JVM's default zone.
 *
 * <p>
 * A trigger that missed its time while the application was down fires once when it is
 * back; the code that runs decides, from the planned occurrence stored with the trigger
 * (Quartz moves the scheduled fire time to "now" after a misfire), whether a late
 * publication still goes out. Quartz's misfire threshold is not a lateness policy.
 */
@Component
public class CommuneTriggers {

	private final BantinProperties properties;

	CommuneTriggers(BantinProperties properties) {
		this.properties = properties;
	}

	/**
	 * The zone recurring triggers follow: the zone of the commune in scope
	 * ({@code bantin.zone} in a single-commune deployment), read on every call.
	 */
	public ZoneId zone() {
		return this.properties.zone();
	}

	/**
	 * A trigger for a Quartz cron expression (seconds first, e.g.
	 * {@code 0 0 6 ? * MON-SAT}) read in the commune's zone.
	 * @throws IllegalArgumentException when the expression is not valid
	 */
	public CronTrigger cron(TriggerKey key, JobKey job, String expression) {
		CronScheduleBuilder schedule;
		try {
			schedule = CronScheduleBuilder.cronScheduleNonvalidatedExpression(expression);
		}
		catch (java.text.ParseException ex) {
			throw new IllegalArgumentException(
					"Not a Quartz cron expression: " + expression + " (" + ex.getMessage() + ")", ex);
		}
		return TriggerBuilder.newTrigger()
			.withIdentity(key)
			.forJob(job)
			.withSchedule(
					schedule.inTimeZone(TimeZone.getTimeZone(zone())).withMisfireHandlingInstructionFireAndProceed())
			.build();
	}

}
