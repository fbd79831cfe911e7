package vn.bantin.content;

import java.io.IOException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a content folder holds at one moment, as far as loading it goes: its Markdown and
 * media files, each with its size and modification time, and the folders in which they
 * may change. Comparing two tells whether the folder must be loaded again, also where the
 * operating system delivers no change events ({@link ContentWatcher}).
 *
 * @param files each Markdown and media file by its path relative to the content folder
 * @param folders the content folder and its sub-folders that exist
 */
record ContentFingerprint(Map<String, Stamp> files, List<Path> folders) {

	/** The sub-folder of attachments; any file in it, at any depth, counts. */
	static final String MEDIA = "media";

	private static final Logger log = LoggerFactory.getLogger(ContentFingerprint.class);

	/**
	 * Takes the fingerprint of a content folder: the Markdown files directly in the
	 * folders the loader reads ({@link ContentFiles#folders()}) and every file under
	 * {@value #MEDIA}.
	 * @return the fingerprint, or {@code null} when the folder is missing
	 */
	static ContentFingerprint of(Path root) {
		if (!Files.isDirectory(root)) {
			return null;
		}
		Map<String, Stamp> files = new HashMap<>();
		List<Path> folders = new ArrayList<>();
		folders.add(root);
		for (String sub : ContentFiles.folders()) {
			collect(root, root.resolve(sub), 1, true, files, folders);
		}
		collect(root, root.resolve(MEDIA), Integer.MAX_VALUE, false, files, folders);
		return new ContentFingerprint(Map.copyOf(files), List.copyOf(folders));
	}

	/**
	 * Takes the fingerprint of several content folders as one (the communes of a
	 * province), each file's path prefixed with its folder's prefix. A missing folder
	 * holds no files.
	 * @param roots each content folder by its prefix, e.g. {@code hoang-trung/content/}
	 */
	static ContentFingerprint of(Map<String, Path> roots) {
		Map<String, Stamp> files = new HashMap<>();
		List<Path> folders = new ArrayList<>();
		roots.forEach((prefix, root) -> {
			ContentFingerprint one = of(root);
			if (one != null) {
				one.files().forEach((path, stamp) -> files.put(prefix + path, stamp));
				folders.addAll(one.folders());
			}
		});
		return new ContentFingerprint(Map.copyOf(files), List.copyOf(folders));
	}

	private static void collect(Path root, Path top, int depth, boolean markdownOnly, Map<String, Stamp> files,
			List<Path> folders) {
		if (!Files.isDirectory(top)) {
			return;
		}
		try {
			// the loader follows links, so the fingerprint does too
			Files.walkFileTree(top, EnumSet.of(FileVisitOption.FOLLOW_LINKS), depth, new SimpleFileVisitor<>() {

				@Override
				public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
					folders.add(dir);
					return FileVisitResult.CONTINUE;
				}

				@Override
				public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
					if (attrs.isRegularFile() && (!markdownOnly || file.getFileName().toString().endsWith(".md"))) {
						files.put(ContentFiles.relative(root, file), new Stamp(attrs.size(), attrs.lastModifiedTime()));
					}
					return FileVisitResult.CONTINUE;
				}

				@Override
				public FileVisitResult visitFileFailed(Path file, IOException ex) {
					// vanished while walking, or unreadable: the loader reports it
					return FileVisitResult.CONTINUE;
				}

			});
		}
		catch (IOException ex) {
			log.debug("Cannot walk {}", top, ex);
		}
	}

	/** The paths whose stamp differs between two fingerprints' files, in name order. */
	static Set<String> differing(Map<String, Stamp> before, Map<String, Stamp> after) {
		Set<String> paths = new TreeSet<>();
		after.forEach((path, stamp) -> {
			if (before == null || !stamp.equals(before.get(path))) {
				paths.add(path);
			}
		});
		if (before != null) {
			before.keySet().stream().filter((path) -> !after.containsKey(path)).forEach(paths::add);
		}
		return paths;
	}

	/** A file's size and modification time. */
	record Stamp(long size, FileTime modified) {
	}

}
