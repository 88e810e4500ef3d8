package cn.example.servicehall.workbench;

import org.springframework.web.util.UriComponentsBuilder;

import cn.example.servicehall.intake.CaseSearch;

/**
 * Where the start page stands, kept in its address so that the browser's back button, a bookmark and a reload show
 * the same lines: the search ({@code q}), the inbox's page ({@code inbox}) and the case list's page ({@code cases}),
 * pages from 1 and left out when first.
 *
 * @param search what was typed, or null
 * @param inboxPage the inbox's page
 * @param casesPage the case list's page
 */
record HomeAddress(String search, int inboxPage, int casesPage) {

	/** From the request's parameters, as typed; a search longer than any name or number is cut. */
	static HomeAddress of(String q, String inbox, String cases) {
		String search = q == null || q.isBlank() ? null : q.strip();
		if (search != null && search.length() > CaseSearch.MAX_LENGTH) {
			search = search.substring(0, CaseSearch.MAX_LENGTH);
		}
		return new HomeAddress(search, ListPage.pageAsked(inbox), ListPage.pageAsked(cases));
	}

	HomeAddress withInboxPage(int page) {
		return new HomeAddress(this.search, page, this.casesPage);
	}

	HomeAddress withCasesPage(int page) {
		return new HomeAddress(this.search, this.inboxPage, page);
	}

	/** The address, e.g. {@code /?q=%E5%BC%A0%E4%BC%9F&inbox=2}. */
	String url() {
		return url(false, false);
	}

	/** The address with the inbox's or the case list's page number even when it is the first (a link to page 1). */
	String url(boolean inboxPageAlways, boolean casesPageAlways) {
		UriComponentsBuilder url = UriComponentsBuilder.fromPath("/");
		if (this.search != null) {
			url.queryParam("q", this.search);
		}
		if (this.inboxPage > 1 || inboxPageAlways) {
			url.queryParam("inbox", this.inboxPage);
		}
		if (this.casesPage > 1 || casesPageAlways) {
			url.queryParam("cases", this.casesPage);
		}
		return url.encode().build().toUriString();
	}

}
