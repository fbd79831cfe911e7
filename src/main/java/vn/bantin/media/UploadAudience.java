package vn.bantin.media;

/**
 * Who may fetch an upload ({@code /media/<folder>/<name>}, a file an editor attached):
 * residents only once an item they may see refers to it. An upload is stored as soon as
 * an editor attaches it, before any approval; served to anyone at once, a draft's or a
 * withdrawn item's file reached residents without approval. Staff signed in see every
 * upload. Implemented by the module that knows the items (content): the media module
 * knows files, not what refers to them.
 */
public interface UploadAudience {

	/**
	 * Whether an item residents may see now (published, current or in the archive) refers
	 * to the upload at {@code address}: as an attachment, a document's file, or in its
	 * text.
	 */
	boolean residentsMaySee(String address);

}
