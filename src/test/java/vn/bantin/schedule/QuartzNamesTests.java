package vn.bantin.schedule;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Quartz keeps the class name of every job, the job and trigger groups and the job data
 * keys in its tables ({@code QRTZ_JOB_DETAILS.JOB_CLASS_NAME}, {@code QRTZ_TRIGGERS}): a
 * database made by an earlier version fires only while these names stay as they were.
 * Moving or renaming one needs a migration that rewrites the stored names.
 */
class QuartzNamesTests {

	@Test
	void jobClassesKeepTheNamesStoredInQuartzTables() {
		assertThat(EngineTriggers.SlotJob.class.getName()).isEqualTo("vn.bantin.schedule.EngineTriggers$SlotJob");
		assertThat(EngineTriggers.ReleaseJob.class.getName()).isEqualTo("vn.bantin.schedule.EngineTriggers$ReleaseJob");
		assertThat(EngineTriggers.EmergencyJob.class.getName())
			.isEqualTo("vn.bantin.schedule.EngineTriggers$EmergencyJob");
		assertThat(HandoverTrigger.HandoverJob.class.getName())
			.isEqualTo("vn.bantin.schedule.HandoverTrigger$HandoverJob");
	}

	@Test
	void groupsKeysAndJobDataKeysStay() {
		assertThat(EngineTriggers.SLOTS).isEqualTo("bantin-slots");
		assertThat(EngineTriggers.RELEASES).isEqualTo("bantin-releases");
		assertThat(EngineTriggers.EMERGENCIES).isEqualTo("bantin-emergencies");
		assertThat(EngineTriggers.OCCURRENCE).isEqualTo("occurrence");
		assertThat(EngineTriggers.HASH).isEqualTo("hash");
		assertThat(EngineTriggers.SUBJECT).isEqualTo("subject");
		assertThat(EngineTriggers.key(EngineTriggers.SLOTS, "morning").getName()).isEqualTo("slot:morning");
		assertThat(EngineTriggers.jobKey(1, EngineTriggers.SLOTS))
			.isEqualTo(org.quartz.JobKey.jobKey("bantin-slots", "bantin"));
		assertThat(EngineTriggers.jobKey(1, EngineTriggers.RELEASES))
			.isEqualTo(org.quartz.JobKey.jobKey("bantin-releases", "bantin"));
		assertThat(EngineTriggers.jobKey(1, EngineTriggers.EMERGENCIES))
			.isEqualTo(org.quartz.JobKey.jobKey("bantin-emergencies", "bantin"));
		assertThat(HandoverTrigger.KEY.getName()).isEqualTo("handover");
		assertThat(HandoverTrigger.KEY.getGroup()).isEqualTo("bantin-publishing");
		assertThat(HandoverTrigger.JOB.getName()).isEqualTo("handover");
		assertThat(HandoverTrigger.JOB.getGroup()).isEqualTo("bantin");
	}

}
