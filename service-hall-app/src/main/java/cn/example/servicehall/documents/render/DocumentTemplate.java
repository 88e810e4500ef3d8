package cn.example.servicehall.documents.render;

/**
 * A document's template and what binds it: its file under {@link TemplateId#ROOT} on the classpath, the record it
 * reads as {@code doc}, its title as printed and the prefix of its numbers. The hall's own are {@link TemplateId}; a
 * service may bring its own template with its package (its file on the classpath, its record implementing
 * {@link DocumentData}).
 */
public interface DocumentTemplate {

	/** Its code, as the documents' store keeps it ({@code ACCEPTANCE_RECEIPT}). */
	String name();

	/** The template's path under {@link TemplateId#ROOT}: {@code loan/loan-contract.xhtml}. */
	String path();

	/** The record the template reads as {@code doc}. */
	Class<? extends DocumentData> dataType();

	/** The document's title as printed: {@code 个人住房公积金借款合同}. */
	String title();

	/** The two letters its numbers begin with ({@code SL} for 受理回执). */
	String numberPrefix();

	/** The template's full classpath resource name: {@code document-templates/loan/loan-contract.xhtml}. */
	default String resource() {
		return TemplateId.ROOT + path();
	}

	/**
	 * A document's template as the store names it: one of the hall's, or what the store knows of one a service
	 * brought (its name and title; it is not rendered again).
	 */
	static DocumentTemplate named(String name, String title) {
		for (TemplateId id : TemplateId.values()) {
			if (id.name().equals(name)) {
				return id;
			}
		}
		return new Kept(name, title);
	}

	/**
	 * A service's template read back from the store.
	 * @param name its code
	 * @param title its title
	 */
	record Kept(String name, String title) implements DocumentTemplate {

		@Override
		public String path() {
			throw new UnsupportedOperationException("Not rendered from the store: " + this.name);
		}

		@Override
		public Class<? extends DocumentData> dataType() {
			throw new UnsupportedOperationException("Not rendered from the store: " + this.name);
		}

		@Override
		public String numberPrefix() {
			throw new UnsupportedOperationException("Not numbered from the store: " + this.name);
		}

		@Override
		public String toString() {
			return this.name;
		}

	}

}
