package vn.bantin.wordimport;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.poi.xwpf.usermodel.XWPFPicture;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.openxmlformats.schemas.drawingml.x2006.main.CTNonVisualDrawingProps;
import org.openxmlformats.schemas.drawingml.x2006.wordprocessingDrawing.CTAnchor;
import org.openxmlformats.schemas.drawingml.x2006.wordprocessingDrawing.CTInline;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTDrawing;
import org.springframework.util.StringUtils;

import vn.bantin.text.VietnameseText;

/**
 * The alt text of an imported picture, since an {@code img} without one is invalid HTML
 * and hides it from screen readers: the description Word keeps for it (Format Picture ›
 * Alt Text: the picture's or its drawing's {@code descr}, else their {@code title}), else
 * the picture's file name made readable ({@code tru-so_xa.jpg} becomes {@code tru so xa}:
 * Word and other writers keep the inserted file's name as the picture's name or
 * description), else empty (decorative): Word's generic names such as "Picture 1" say
 * nothing.
 */
final class PictureAltText {

	/** A picture's name or description that is an image file's name. */
	private static final Pattern IMAGE_FILE_NAME = Pattern
		.compile("[^\\r\\n]*\\.(png|jpe?g|gif|bmp|tiff?|webp|heic|emf|wmf|svg)", Pattern.CASE_INSENSITIVE);

	private PictureAltText() {
	}

	/**
	 * The drawings ({@code wp:docPr}) of a run's pictures, in order: Word keeps the
	 * alternative text there, POI reads the picture's own ({@code pic:cNvPr}).
	 */
	static List<CTNonVisualDrawingProps> drawings(XWPFRun run) {
		List<CTNonVisualDrawingProps> drawings = new ArrayList<>();
		for (CTDrawing drawing : run.getCTR().getDrawingList()) {
			for (CTInline inline : drawing.getInlineList()) {
				drawings.add(inline.getDocPr());
			}
			for (CTAnchor anchor : drawing.getAnchorList()) {
				drawings.add(anchor.getDocPr());
			}
		}
		return drawings;
	}

	/**
	 * A picture's alt text: its description or title, else its file name made readable,
	 * else empty.
	 * @param drawing the drawing holding it, or null when unknown
	 */
	static String of(XWPFPicture picture, CTNonVisualDrawingProps drawing) {
		CTNonVisualDrawingProps own = (picture.getCTPicture() != null && picture.getCTPicture().getNvPicPr() != null)
				? picture.getCTPicture().getNvPicPr().getCNvPr() : null;
		List<CTNonVisualDrawingProps> both = Stream.of(own, drawing).filter(Objects::nonNull).toList();
		Stream<String> descriptions = Stream.concat(both.stream().map(CTNonVisualDrawingProps::getDescr),
				both.stream().map(CTNonVisualDrawingProps::getTitle));
		String description = descriptions.filter(StringUtils::hasText).findFirst().orElse(null);
		if (description != null) {
			return IMAGE_FILE_NAME.matcher(description.strip()).matches() ? readableFileName(description)
					: VietnameseText.nfc(description.strip().replaceAll("\\s+", " "));
		}
		return both.stream()
			.map(CTNonVisualDrawingProps::getName)
			.filter((name) -> name != null && IMAGE_FILE_NAME.matcher(name.strip()).matches())
			.findFirst()
			.map(PictureAltText::readableFileName)
			.orElse("");
	}

	/**
	 * A file name as words: without its folder and extension, dashes and underscores as
	 * spaces, NFC ({@code C:\Ảnh\tru-so_xa.jpg} is {@code tru so xa}).
	 */
	static String readableFileName(String fileName) {
		String name = fileName.strip().replaceAll(".*[/\\\\]", "").replaceAll("\\.[A-Za-z0-9]{1,5}$", "");
		return VietnameseText.nfc(name.replaceAll("[-_\\s]+", " ").strip());
	}

}
