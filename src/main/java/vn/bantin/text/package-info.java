/**
 * Text rules shared by every module: NFC normalisation of input, diacritic-insensitive
 * folding for search and URL slugs ({@link vn.bantin.text.VietnameseText}), and the one
 * renderer every channel uses: {@link vn.bantin.text.Markdown} turns an item's Markdown
 * into safe HTML, plain text and spoken text, {@link vn.bantin.text.SafeHtml} cleans
 * pasted HTML with the same policy, and {@link vn.bantin.text.SpokenVietnamese} writes a
 * radio script as it is read aloud. It depends on no other module and not on Spring; only
 * on commonmark-java and jsoup.
 *
 * <p>
 * It depends on no other module ({@code allowedDependencies = {}}): every channel renders
 * through it, so anything it used would be used by everyone.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Text", allowedDependencies = {})
package vn.bantin.text;
