/**
 * Word import: an editor uploads a {@code .docx} file ({@code /admin/items/import}) and
 * gets a draft news item with its title, its body in Markdown and its images stored under
 * the media folder. It owns the upload (its own 10 MB limit, above the 1 MB other routes
 * take), reading the file with Apache POI under zip-bomb caps, turning the document into
 * HTML cleaned like pasted HTML, and the images' files.
 *
 * <p>
 * It is apart from the content module because it is a separate job from the item
 * aggregate: a file format and its library (POI, the only user of Office files), an
 * upload limit and image storage, none of which the item's rules, workflow or files need.
 * It creates the draft only through {@link vn.bantin.content.ItemDrafts}, so content does
 * not know it exists and its form of a draft stays its own.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Word import")
package vn.bantin.wordimport;
