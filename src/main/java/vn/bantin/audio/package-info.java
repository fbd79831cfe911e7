/**
 * Audio: the recordings the commune loudspeakers play, made broadcast-ready. Audio
 * arrives in whatever a phone or an office PC records (mp3, wav, m4a, ogg, flac, amr,
 * 3gp): uploaded on the admin pages or the API ({@link vn.bantin.audio.UploadIntake}),
 * kept with an item in the content folder ({@link vn.bantin.audio.ContentRecordings}), or
 * synthesised from the item's {@linkplain vn.bantin.audio.Scripts script} when a speech
 * synthesiser is installed ({@link vn.bantin.audio.SpeechQueue}). Background workers
 * ({@link vn.bantin.audio.AudioWorkers}) run it through the
 * {@link vn.bantin.audio.AudioPipeline} with the ffmpeg the media module chose: silence
 * trimmed at both ends only, peaks limited, loudness normalised in two passes to one
 * target so that items play at an even level, encoded as the mono MP3 loudspeaker systems
 * take, the original kept beside it ({@code radio_audio}, the audio folder).
 *
 * <p>
 * It is a module of its own, apart from the radio, because none of this knows playlists,
 * slots or the as-run log: it changes with ffmpeg, loudness standards and speech engines,
 * the radio with the programme. The radio asks it two things, its API:
 * {@link vn.bantin.audio.RadioAudio} (the broadcast-ready
 * {@link vn.bantin.audio.Recording} an item plays from, never waiting for processing) and
 * {@link vn.bantin.audio.Scripts} (an item's script as read aloud, abbreviations and
 * numbers spelt out, the same text the operator reads live and the synthesiser speaks).
 *
 * <p>
 * It uses content (the items, and the new revision an upload makes), media (which
 * ffmpeg), commune (the name in the ID3 tags), text (reading rules) and system. Its
 * settings are under {@code bantin.radio.*} ({@link vn.bantin.audio.RadioAudioSettings}),
 * its pages under {@code /admin/radio/audio}, its API at {@code /api/items/{id}/audio}
 * and {@code /api/audio/{id}}: names from before the module, kept so that nothing outside
 * changes.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Audio")
package vn.bantin.audio;
