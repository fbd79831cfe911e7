package vn.bantin.content;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the content folder is watched for changes ({@code bantin.content.*}).
 *
 * @param pollInterval how often the folder is also compared with what was loaded last
 * (paths, sizes and modification times), for folders that deliver no change events
 * (network drives, some container mounts); zero turns polling off
 * @param quietPeriod how long the folder must stay unchanged before it is reloaded, so
 * that a burst of saves loads once
 * @param watch whether to ask the operating system for change events; without them
 * changes are noticed at the next poll
 */
@ConfigurationProperties("bantin.content")
record ContentSettings(@DefaultValue("5s") Duration pollInterval, @DefaultValue("500ms") Duration quietPeriod,
		@DefaultValue("true") boolean watch) {

	boolean polling() {
		return !this.pollInterval.isNegative() && !this.pollInterval.isZero();
	}

}
