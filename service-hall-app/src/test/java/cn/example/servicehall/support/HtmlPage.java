package cn.example.servicehall.support;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.attoparser.ParseException;
import org.attoparser.config.ParseConfiguration;
import org.attoparser.dom.DOMMarkupParser;
import org.attoparser.dom.Element;
import org.attoparser.dom.INestableNode;
import org.attoparser.dom.INode;
import org.attoparser.dom.Text;
import org.unbescape.html.HtmlEscape;

/**
 * A page as a test reads it: elements found by small CSS-like selectors, their text as a person sees it (tags
 * dropped, entities decoded, white space collapsed), and form values. Parsed with AttoParser, Thymeleaf's own HTML
 * parser, so that the tests need no other library.
 * <p>
 * A selector is steps separated by spaces, each a descendant of the one before: {@code tag}, {@code #id},
 * {@code .class}, {@code [attribute=value]} or {@code [attribute]}, combined as in {@code tr[data-year=2026]} or
 * {@code #calendar-years td.source a}.
 */
public final class HtmlPage {

	private static final Pattern STEP = Pattern.compile("([a-zA-Z0-9]+)|#([\\w-]+)|\\.([\\w-]+)|\\[([\\w-]+)(?:=([^\\]]*))?\\]");

	private final Node root;

	private HtmlPage(Node root) {
		this.root = root;
	}

	public static HtmlPage parse(String html) {
		try {
			return new HtmlPage(new Node(new DOMMarkupParser(ParseConfiguration.htmlConfiguration()).parse(html)));
		}
		catch (ParseException ex) {
			throw new IllegalArgumentException("Not a page: " + ex.getMessage(), ex);
		}
	}

	/** The page's title, as the browser's tab shows it. */
	public String title() {
		return first("title").map(Node::text).orElse("");
	}

	/** Every element the selector finds, in document order. */
	public List<Node> all(String selector) {
		return this.root.all(selector);
	}

	/** The first element the selector finds, if any. */
	public Optional<Node> first(String selector) {
		return this.root.first(selector);
	}

	/** The first element the selector finds. */
	public Node get(String selector) {
		return this.root.get(selector);
	}

	/** The text of each element the selector finds. */
	public List<String> texts(String selector) {
		return all(selector).stream().map(Node::text).toList();
	}

	/** An element of the page, or the page itself. */
	public static final class Node {

		private final INestableNode node;

		Node(INestableNode node) {
			this.node = node;
		}

		/** The visible text: tags dropped, entities decoded, white space collapsed. */
		public String text() {
			StringBuilder text = new StringBuilder();
			collect(this.node, text);
			return text.toString().replaceAll("\\s+", " ").strip();
		}

		/** A form field's value: an input's value, a textarea's text as it stands, a select's chosen option. */
		public String value() {
			String name = element().getElementName().toLowerCase();
			if (name.equals("textarea")) {
				StringBuilder text = new StringBuilder();
				collect(this.node, text);
				String value = text.toString();
				return value.startsWith("\n") ? value.substring(1) : value;
			}
			if (name.equals("select")) {
				return all("option").stream()
					.filter(option -> option.element().hasAttribute("selected"))
					.map(option -> option.attr("value"))
					.findFirst()
					.orElse("");
			}
			String value = attr("value");
			return value == null ? "" : value;
		}

		/** An attribute's value, decoded; null if absent. */
		public String attr(String name) {
			String value = element().getAttributeValue(name);
			return value == null ? null : HtmlEscape.unescapeHtml(value);
		}

		public List<Node> all(String selector) {
			List<INestableNode> found = List.of(this.node);
			for (String step : selector.strip().split("\\s+")) {
				List<INestableNode> next = new ArrayList<>();
				for (INestableNode from : found) {
					descendants(from, step, next);
				}
				found = next.stream().distinct().toList();
			}
			return found.stream().map(Node::new).toList();
		}

		public Optional<Node> first(String selector) {
			return all(selector).stream().findFirst();
		}

		public Node get(String selector) {
			return first(selector).orElseThrow(() -> new AssertionError("Nothing on the page matches " + selector));
		}

		/** The text of each cell of each body row of a table: {@code "2026 33 6 248"}, one string a row. */
		public List<String> rows() {
			return all("tbody tr").stream()
				.map(row -> String.join(" ", row.all("td").stream().map(Node::text).toList()))
				.toList();
		}

		private Element element() {
			if (!(this.node instanceof Element element)) {
				throw new IllegalStateException("The page itself has no attributes");
			}
			return element;
		}

		private static void collect(INode node, StringBuilder text) {
			if (node instanceof Text part) {
				text.append(HtmlEscape.unescapeHtml(part.getContent()));
			}
			else if (node instanceof INestableNode parent) {
				if (node instanceof Element element && isHidden(element)) {
					return;
				}
				boolean block = node instanceof Element element && isBlock(element);
				if (block) {
					text.append(' ');
				}
				for (INode child : parent.getChildren()) {
					collect(child, text);
				}
				if (block) {
					text.append(' ');
				}
			}
		}

		private static boolean isHidden(Element element) {
			String name = element.getElementName().toLowerCase();
			return name.equals("script") || name.equals("style") || name.equals("head")
					|| element.hasAttribute("hidden");
		}

		private static boolean isBlock(Element element) {
			return List.of("p", "div", "li", "td", "th", "tr", "h1", "h2", "h3", "dt", "dd", "br", "section")
				.contains(element.getElementName().toLowerCase());
		}

		private static void descendants(INestableNode from, String step, List<INestableNode> found) {
			for (INode child : from.getChildren()) {
				if (child instanceof Element element) {
					if (matches(element, step)) {
						found.add(element);
					}
					descendants(element, step, found);
				}
			}
		}

		private static boolean matches(Element element, String step) {
			Matcher part = STEP.matcher(step);
			int end = 0;
			while (part.find()) {
				if (part.start() != end) {
					throw new IllegalArgumentException("Cannot read the selector step " + step);
				}
				end = part.end();
				if (part.group(1) != null && !element.getElementName().equalsIgnoreCase(part.group(1))) {
					return false;
				}
				if (part.group(2) != null && !part.group(2).equals(element.getAttributeValue("id"))) {
					return false;
				}
				if (part.group(3) != null) {
					String classes = element.getAttributeValue("class");
					if (classes == null || !Arrays.asList(classes.split("\\s+")).contains(part.group(3))) {
						return false;
					}
				}
				if (part.group(4) != null) {
					String value = element.getAttributeValue(part.group(4));
					if (value == null || part.group(5) != null && !part.group(5).equals(HtmlEscape.unescapeHtml(value))) {
						return false;
					}
				}
			}
			if (end != step.length()) {
				throw new IllegalArgumentException("Cannot read the selector step " + step);
			}
			return true;
		}

	}

}
