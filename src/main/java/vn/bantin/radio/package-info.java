/**
 * Radio: what the commune loudspeakers play, and when. For every occurrence of a radio
 * slot it builds the playlist (intro jingle, items by priority and campaign order, outro;
 * total time against the slot's length), each item playing its broadcast-ready recording
 * or, without one, read live from its script (both from the audio module:
 * {@link vn.bantin.audio.RadioAudio}, {@link vn.bantin.audio.Scripts}). It exports the
 * playlist (M3U8, XSPF, a ZIP for an offline PC), serves it at a secret current-playlist
 * URL, and serves the operator's console, where the playlist is played in the browser and
 * an as-run log records what really went out, per zone. It is the radio channel of the
 * publishing hand-over.
 *
 * <p>
 * It uses audio (recordings and scripts), content (the items), media (durations of the
 * jingles), schedule (slots, zones and the agenda of occurrences), publishing (the
 * hand-over), commune (identity for tags and sheets) and text.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Radio")
package vn.bantin.radio;
