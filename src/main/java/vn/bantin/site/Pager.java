package vn.bantin.site;

/**
 * Where a list page is among its pages, with the addresses of the pages before and after
 * it (null at the ends), for links with {@code rel="prev"} and {@code rel="next"}.
 */
record Pager(int number, int pages, String previous, String next) {

	static Pager of(int number, int pages, String base) {
		String separator = base.contains("?") ? "&" : "?";
		String previous = (number > 1) ? ((number == 2) ? base : base + separator + "page=" + (number - 1)) : null;
		String next = (number < pages) ? base + separator + "page=" + (number + 1) : null;
		return new Pager(number, pages, previous, next);
	}

}
