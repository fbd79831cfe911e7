package vn.bantin.radio;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import vn.bantin.commune.Commune;
import vn.bantin.system.BantinProperties;
import vn.bantin.text.Timestamps;
import vn.bantin.text.VietnameseText;

/**
 * A playlist written for players and for people: M3U8 and XSPF for media players and
 * IP-speaker systems, a printable script sheet for the announcer, and a ZIP of all of
 * them with the audio files, to play from a USB stick on a PC without network.
 *
 * <p>
 * <b>M3U8</b>: UTF-8, {@code #EXTM3U}, then per audio entry {@code #EXTINF:<whole
 * seconds>,<title>} and its URI. An entry the operator reads live has no audio: it is
 * written as a comment line {@code #BANTIN-SCRIPT:<seconds>,<title>}, which players skip
 * (any line starting with {@code #} that is not a known tag is a comment), so that a
 * player plays the audio in order and the sheet says what to read between.
 *
 * <p>
 * <b>XSPF</b> ({@value #XSPF}): one track per entry in order, with its title, the commune
 * as creator, its duration in milliseconds, its {@code trackNum} (position) and, for
 * audio, its {@code location}; the annotation is the script of an entry read live, and
 * the priority and campaign of an item that plays from audio. Script entries have no
 * location. {@code meta} elements carry the source, item id, priority and campaign.
 *
 * <p>
 * The same writer serves absolute URLs (API, tokened URL) and the ZIP's relative file
 * names: the caller says how an entry is addressed.
 */
@Component
class PlaylistExports {

	/** The XSPF namespace. */
	static final String XSPF = "http://xspf.org/ns/0/";

	/** The prefix of this application's XSPF {@code meta rel} values. */
	static final String META = "https://bantin.vn/xspf/";

	/** The comment line of an entry read live in M3U8. */
	static final String M3U8_SCRIPT = "#BANTIN-SCRIPT:";

	/** The script sheet's name in the ZIP. */
	static final String SHEET = "kich-ban.html";

	private static final DateTimeFormatter FILE_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd-HHmm");

	private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

	private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

	private final Commune commune;

	private final ITemplateEngine templates;

	private final ZoneId zone;

	PlaylistExports(Commune commune, ITemplateEngine templates, BantinProperties properties) {
		this.commune = commune;
		this.templates = templates;
		this.zone = properties.zone();
	}

	/**
	 * The file name of an export without extension: {@code <slot>-<date>-<time>-<zone>},
	 * e.g. {@code ban-tin-sang-2026-12-21-0600-all}; ASCII, safe on every file system.
	 */
	String baseName(Playlist playlist) {
		Playlist.Occurrence occurrence = playlist.occurrence();
		String slot = VietnameseText.slug(String.valueOf(occurrence.slot()));
		String zonePart = VietnameseText.slug(occurrence.zonePart());
		return (slot.isEmpty() ? "radio" : slot) + "-" + FILE_DATE.format(occurrence.start().atZone(this.zone)) + "-"
				+ (zonePart.isEmpty() ? "all" : zonePart);
	}

	/**
	 * The name of an audio entry's file in the ZIP: its position on two digits, its
	 * title's slug and its file's extension, e.g. {@code 01-nhac-hieu-mo-dau.mp3}.
	 */
	static String fileName(Playlist.Entry entry) {
		String slug = VietnameseText.slug(entry.title());
		if (slug == null || slug.isEmpty()) {
			slug = (entry.itemId() != null) ? VietnameseText.slug(entry.itemId()) : entry.kind();
		}
		String name = (entry.file() != null) ? entry.file().getFileName().toString() : "";
		int dot = name.lastIndexOf('.');
		String extension = (dot > 0) ? VietnameseText.slug(name.substring(dot + 1)) : "";
		return String.format(Locale.ROOT, "%02d-%s.%s", entry.position(), slug,
				extension.isEmpty() ? "mp3" : extension);
	}

	/** The occurrence as people name it: slot, zone, date and time. */
	String title(Playlist playlist) {
		Playlist.Occurrence occurrence = playlist.occurrence();
		return line(occurrence.slotName() + " – " + occurrence.targetName() + " – "
				+ SHOWN.format(occurrence.start().atZone(this.zone)));
	}

	/** The playlist as M3U8, each audio entry at the location the caller gives. */
	String m3u8(Playlist playlist, Function<Playlist.Entry, String> location) {
		StringBuilder text = new StringBuilder("#EXTM3U\n");
		text.append("#PLAYLIST:").append(title(playlist)).append('\n');
		for (Playlist.Entry entry : playlist.entries()) {
			if (entry.audible()) {
				text.append("#EXTINF:").append(entry.seconds()).append(',').append(line(entry.title())).append('\n');
				text.append(location.apply(entry)).append('\n');
			}
			else {
				text.append(M3U8_SCRIPT).append(entry.seconds()).append(',').append(line(entry.title())).append('\n');
			}
		}
		return text.toString();
	}

	/** The playlist as XSPF, each audio entry at the location the caller gives. */
	String xspf(Playlist playlist, Function<Playlist.Entry, String> location) {
		StringWriter out = new StringWriter();
		try {
			XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
			xml.writeStartDocument("UTF-8", "1.0");
			xml.writeCharacters("\n");
			xml.writeStartElement("playlist");
			xml.writeDefaultNamespace(XSPF);
			xml.writeAttribute("version", "1");
			element(xml, 1, "title", title(playlist));
			element(xml, 1, "creator", creator());
			element(xml, 1, "date", Timestamps.iso(playlist.occurrence().start(), this.zone));
			element(xml, 1, "identifier", "urn:bantin:radio:" + playlist.occurrence().id());
			indent(xml, 1);
			xml.writeStartElement("trackList");
			for (Playlist.Entry entry : playlist.entries()) {
				indent(xml, 2);
				xml.writeStartElement("track");
				if (entry.audible()) {
					element(xml, 3, "location", location.apply(entry));
				}
				element(xml, 3, "title", entry.title());
				element(xml, 3, "creator", creator());
				String annotation = annotation(entry);
				if (annotation != null) {
					element(xml, 3, "annotation", annotation);
				}
				element(xml, 3, "trackNum", Integer.toString(entry.position()));
				element(xml, 3, "duration", Long.toString(entry.duration().toMillis()));
				meta(xml, "source", entry.kind());
				meta(xml, "item", entry.itemId());
				meta(xml, "priority", (entry.priority() != null) ? entry.priority().key() : null);
				meta(xml, "campaign", entry.campaign());
				indent(xml, 2);
				xml.writeEndElement();
			}
			indent(xml, 1);
			xml.writeEndElement();
			xml.writeCharacters("\n");
			xml.writeEndElement();
			xml.writeCharacters("\n");
			xml.writeEndDocument();
			xml.close();
		}
		catch (XMLStreamException ex) {
			throw new IllegalStateException("Could not write the XSPF of " + playlist.occurrence().id(), ex);
		}
		return out.toString();
	}

	/**
	 * The printable script sheet: standalone HTML (its CSS inside), large type, one
	 * section per entry with its time from the start and on the clock, the scripts to
	 * read in full.
	 */
	String sheet(Playlist playlist, Locale locale) {
		return this.templates.process("radio/kich-ban", new Context(locale, sheetModel(playlist)));
	}

	/** What the script sheet shows (also the admin page's model of the same template). */
	Map<String, Object> sheetModel(Playlist playlist) {
		List<SheetRow> rows = new ArrayList<>();
		ZonedDateTime start = playlist.occurrence().start().atZone(this.zone);
		for (Playlist.Entry entry : playlist.entries()) {
			Duration offset = playlist.offset(entry);
			List<String> paragraphs = (entry.script() != null) ? Arrays.stream(entry.script().split("\\n\\s*\\n"))
				.map(String::strip)
				.filter((p) -> !p.isEmpty())
				.toList() : List.of();
			rows.add(new SheetRow(entry, minutes(offset), CLOCK.format(start.plus(offset)), minutes(entry.duration()),
					paragraphs));
		}
		Map<String, Object> model = new LinkedHashMap<>();
		model.put("playlist", playlist);
		model.put("occurrence", playlist.occurrence());
		model.put("title", title(playlist));
		model.put("creator", creator());
		model.put("rows", rows);
		model.put("total", minutes(playlist.total()));
		model.put("length", minutes(playlist.occurrence().length()));
		model.put("overflow", playlist.fits() ? null : minutes(playlist.overflow()));
		return model;
	}

	/**
	 * Writes the ZIP of an occurrence to {@code out}, as it goes (no file is made): the
	 * audio files ({@link #fileName}), the M3U8 and XSPF pointing at them by relative
	 * names, and the script sheet ({@value #SHEET}). Leaves {@code out} open.
	 * @throws IOException when an audio file cannot be read or {@code out} written
	 */
	void zip(Playlist playlist, Locale locale, OutputStream out) throws IOException {
		FileTime time = FileTime.from(playlist.occurrence().start());
		try (ZipOutputStream zip = new ZipOutputStream(new FilterOutputStream(out) {
			@Override
			public void write(byte[] bytes, int offset, int length) throws IOException {
				this.out.write(bytes, offset, length);
			}

			@Override
			public void close() throws IOException {
				flush(); // the caller closes the response
			}
		}, StandardCharsets.UTF_8)) {
			for (Playlist.Entry entry : playlist.audio()) {
				zip.putNextEntry(entry(fileName(entry), time));
				Files.copy(entry.file(), zip);
				zip.closeEntry();
			}
			String base = baseName(playlist);
			text(zip, base + ".m3u8", m3u8(playlist, PlaylistExports::fileName), time);
			text(zip, base + ".xspf", xspf(playlist, PlaylistExports::fileName), time);
			text(zip, SHEET, sheet(playlist, locale), time);
		}
	}

	private static ZipEntry entry(String name, FileTime time) {
		ZipEntry entry = new ZipEntry(name);
		entry.setLastModifiedTime(time);
		return entry;
	}

	private static void text(ZipOutputStream zip, String name, String text, FileTime time) throws IOException {
		zip.putNextEntry(entry(name, time));
		zip.write(text.getBytes(StandardCharsets.UTF_8));
		zip.closeEntry();
	}

	private String creator() {
		return this.commune.identity().name();
	}

	/** A script entry's script; an audio item's priority and campaign. */
	private static String annotation(Playlist.Entry entry) {
		if (entry.live()) {
			return entry.script();
		}
		if (entry.jingle() || entry.priority() == null) {
			return null;
		}
		return entry.priority().key() + ((entry.campaign() != null) ? " · " + entry.campaign() : "");
	}

	private static void element(XMLStreamWriter xml, int depth, String name, String text) throws XMLStreamException {
		indent(xml, depth);
		xml.writeStartElement(name);
		xml.writeCharacters(xmlText(text));
		xml.writeEndElement();
	}

	private static void meta(XMLStreamWriter xml, String rel, String value) throws XMLStreamException {
		if (value == null) {
			return;
		}
		indent(xml, 3);
		xml.writeStartElement("meta");
		xml.writeAttribute("rel", META + rel);
		xml.writeCharacters(xmlText(value));
		xml.writeEndElement();
	}

	private static void indent(XMLStreamWriter xml, int depth) throws XMLStreamException {
		xml.writeCharacters("\n" + "  ".repeat(depth));
	}

	/** The text in NFC without the characters XML 1.0 cannot carry. */
	static String xmlText(String text) {
		if (text == null) {
			return "";
		}
		StringBuilder clean = new StringBuilder(text.length());
		VietnameseText.nfc(text).codePoints().forEach((c) -> {
			if (c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD)
					|| (c >= 0x10000 && c <= 0x10FFFF)) {
				clean.appendCodePoint(c);
			}
		});
		return clean.toString();
	}

	/**
	 * One line of text in NFC: line breaks and control characters become one space. That
	 * is every control character, C1 ones included (U+0085 NEL ends a line for many
	 * readers), and the Unicode line and paragraph separators (U+2028, U+2029), not only
	 * CR and LF: any of them could start a new playlist line under a title.
	 */
	static String line(String text) {
		if (text == null) {
			return "";
		}
		return VietnameseText.nfc(text).replaceAll("[\\p{Cc}\\p{Zl}\\p{Zp}]+", " ").replaceAll(" {2,}", " ").strip();
	}

	/** A duration as {@code m:ss}, or {@code h:mm:ss} from an hour. */
	static String minutes(Duration duration) {
		long seconds = (duration.toMillis() + 500) / 1000;
		long hours = seconds / 3600;
		return (hours > 0) ? String.format(Locale.ROOT, "%d:%02d:%02d", hours, seconds / 60 % 60, seconds % 60)
				: String.format(Locale.ROOT, "%d:%02d", seconds / 60, seconds % 60);
	}

	/**
	 * One entry on the script sheet.
	 *
	 * @param entry the entry
	 * @param offset when it starts, from the occurrence's start ({@code m:ss})
	 * @param clock when it starts on the clock ({@code HH:mm:ss})
	 * @param length how long it plays ({@code m:ss})
	 * @param paragraphs its script in paragraphs; empty for a jingle
	 */
	record SheetRow(Playlist.Entry entry, String offset, String clock, String length, List<String> paragraphs) {
	}

}
