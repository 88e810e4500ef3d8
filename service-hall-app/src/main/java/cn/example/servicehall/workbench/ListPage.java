package cn.example.servicehall.workbench;

import java.util.List;

/**
 * One page of a list on a page, as a person reads it: "第 21–40 条，共 224 条" and links to the pages either side.
 *
 * @param items this page's lines
 * @param total how many lines in all
 * @param page the page, from 1
 * @param size lines a page
 * @param previous the address of the page before, or null on the first
 * @param next the address of the page after, or null on the last
 */
record ListPage<T>(List<T> items, long total, int page, int size, String previous, String next) {

	/** The number of the page's first line, from 1 (0 when the list is empty). */
	public long first() {
		return this.items.isEmpty() ? 0 : (long) (this.page - 1) * this.size + 1;
	}

	/** The number of the page's last line. */
	public long last() {
		return this.items.isEmpty() ? 0 : first() + this.items.size() - 1;
	}

	/** How many pages the list has (at least one). */
	static int pages(long total, int size) {
		return (int) Math.max(1, (total + size - 1) / size);
	}

	/**
	 * Which page to show of the one asked for: a page number from an address (a bookmark, a link from before the list
	 * got shorter), anything not a page number counting as the first, and past the end as the last.
	 */
	static int pageAsked(String asked) {
		if (asked == null || !asked.strip().matches("\\d{1,6}")) {
			return 1;
		}
		return Math.max(1, Integer.parseInt(asked.strip()));
	}

}
