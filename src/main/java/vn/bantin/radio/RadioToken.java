package vn.bantin.radio;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import vn.bantin.system.IssuedToken;

/**
 * The secret of one current-playlist URL: who may fetch the radio's current playlist and
 * its audio without signing in (a player, an IP-speaker system). Only the secret's hash
 * is stored ({@link IssuedToken}).
 */
@Entity
@Table(name = "radio_token")
class RadioToken extends IssuedToken {

	@Column(name = "created_by", nullable = false, length = 100)
	private String createdBy;

	protected RadioToken() {
	}

	RadioToken(String secret, String label, String createdBy, Instant createdAt) {
		super(secret, label, createdAt);
		this.createdBy = createdBy;
	}

	String createdBy() {
		return this.createdBy;
	}

}
