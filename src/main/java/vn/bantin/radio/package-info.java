/**
 * Radio: what the commune loudspeakers play. Audio arrives in whatever a phone or an
 * office PC records (mp3, wav, m4a, ogg, flac, amr, 3gp) and is made broadcast-ready by
 * the ffmpeg bundled with jave2: silence trimmed at both ends only, peaks limited,
 * loudness normalised in two passes to one target so that items play at an even level,
 * encoded as the mono MP3 loudspeaker systems take, the original kept beside it. Items
 * without a recording are read aloud from a clean {@linkplain vn.bantin.radio.Scripts
 * script} (abbreviations, numbers and dates spelt out), live by the operator or by a
 * speech synthesiser when one is installed.
 *
 * <p>
 * For every occurrence of a radio slot it builds the playlist (intro jingle, items by
 * priority and campaign order, outro; total time against the slot's length), exports it
 * (M3U8, XSPF, a ZIP for an offline PC) and serves the operator's console, where the
 * playlist is played in the browser and an as-run log records what really went out, per
 * zone. It is the radio channel of the publishing hand-over.
 *
 * <p>
 * It uses content (the items), media (files and durations), schedule (slots, zones and
 * the agenda of occurrences), publishing (the hand-over), commune (identity for tags and
 * sheets) and text (reading rules).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Radio")
package vn.bantin.radio;
