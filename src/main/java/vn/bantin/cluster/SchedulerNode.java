package vn.bantin.cluster;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;

import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SchedulerMetaData;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.quartz.autoconfigure.QuartzProperties;
import org.springframework.boot.quartz.autoconfigure.SchedulerFactoryBeanCustomizer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import vn.bantin.system.NodeId;

/**
 * The node in the scheduler: Quartz's instance is named after the node ({@link NodeId}),
 * so Quartz's own table of instances ({@code QRTZ_SCHEDULER_STATE}) and the membership
 * table name the same machines, and a node started again under its name recovers the jobs
 * its previous life was running (Quartz does so for its own instance at its first
 * check-in). Also reads each node's part in the scheduler for {@code /admin/system}.
 */
@Component
class SchedulerNode implements SchedulerFactoryBeanCustomizer {

	private final NodeId node;

	private final QuartzProperties quartz;

	private final JdbcTemplate jdbc;

	private final ObjectProvider<Scheduler> scheduler;

	SchedulerNode(NodeId node, QuartzProperties quartz, JdbcTemplate jdbc, ObjectProvider<Scheduler> scheduler) {
		this.node = node;
		this.quartz = quartz;
		this.jdbc = jdbc;
		this.scheduler = scheduler;
	}

	@Override
	public void customize(org.springframework.scheduling.quartz.SchedulerFactoryBean factory) {
		Properties properties = new Properties();
		properties.putAll(this.quartz.getProperties());
		properties.put("org.quartz.scheduler.instanceId", this.node.value());
		factory.setQuartzProperties(properties);
	}

	/** The members with their part in the scheduler filled in. */
	List<NodeStatus> withRoles(List<NodeStatus> members) {
		Scheduler own = this.scheduler.getIfAvailable();
		if (own == null) {
			return members;
		}
		try {
			SchedulerMetaData meta = own.getMetaData();
			boolean clustered = meta.isJobStoreClustered();
			Map<String, Instant> checkIns = this.jdbc
				.query("SELECT INSTANCE_NAME, LAST_CHECKIN_TIME FROM QRTZ_SCHEDULER_STATE WHERE SCHED_NAME = ?",
						(rs, row) -> Map.entry(rs.getString(1), Instant.ofEpochMilli(rs.getLong(2))),
						own.getSchedulerName())
				.stream()
				.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a));
			String state = meta.isShutdown() ? "shutdown" : meta.isInStandbyMode() ? "standby" : "started";
			return members.stream().map((member) -> {
				Instant checkIn = checkIns.get(member.id());
				if (!member.self() && checkIn == null) {
					return member;
				}
				return new NodeStatus(member.id(), member.version(), member.startedAt(), member.heartbeatAt(),
						member.stoppedAt(), member.gone(), member.self(),
						new NodeStatus.SchedulerRole(clustered, checkIn, member.self() ? state : null));
			}).toList();
		}
		catch (SchedulerException ex) {
			return members;
		}
	}

}
