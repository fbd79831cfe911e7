/**
 * The files items attach: images, documents and audio, whether uploaded in the editor
 * (kept under {@code <data-dir>/media/<uuid>/}) or kept with the content files (under
 * {@code <content-dir>/media/}). {@link vn.bantin.media.MediaLibrary} says where a
 * reference points and at which address the site serves it ({@code /media/...}, with HTTP
 * range requests so that phones can seek in audio);
 * {@link vn.bantin.media.AudioDurations} says how long an audio file plays, for the
 * podcast feed and the radio; {@link vn.bantin.media.FfmpegLocator} decides, once, which
 * ffmpeg every module runs (the system's maintained one when usable, else the one jave2
 * bundles) and records its version. It depends only on the system module's settings.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Media")
package vn.bantin.media;
