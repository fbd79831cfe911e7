package vn.bantin.agenda;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import vn.bantin.content.Channel;
import vn.bantin.system.IssuedToken;

/**
 * The secret of one calendar feed: who may read a channel's agenda as iCalendar without
 * signing in ({@link IssuedToken}: only the secret's hash is stored).
 */
@Entity
@Table(name = "calendar_token")
class CalendarToken extends IssuedToken {

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, length = 10)
	private Channel channel;

	@Column(name = "created_by", nullable = false, length = 100)
	private String createdBy;

	protected CalendarToken() {
	}

	CalendarToken(String secret, Channel channel, String label, String createdBy, Instant createdAt) {
		super(secret, label, createdAt);
		this.channel = channel;
		this.createdBy = createdBy;
	}

	Channel channel() {
		return this.channel;
	}

	String createdBy() {
		return this.createdBy;
	}

}
