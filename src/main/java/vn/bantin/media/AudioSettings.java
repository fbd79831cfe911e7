package vn.bantin.media;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Which ffmpeg reads and converts audio ({@code bantin.audio.*}).
 *
 * @param ffmpeg {@code auto} (the default): an {@code ffmpeg} found on the {@code PATH}
 * that has what the radio pipeline needs (Debian's package, kept up to date with the
 * system's security updates), else the one bundled with jave2; {@code bundled}: always
 * the bundled one; or the path of an ffmpeg executable: that one and no other (start-up
 * fails when it cannot run or lacks a filter or encoder the pipeline needs). See
 * {@link FfmpegLocator}.
 */
@ConfigurationProperties("bantin.audio")
record AudioSettings(@DefaultValue(FfmpegLocator.AUTO) String ffmpeg) {

}
