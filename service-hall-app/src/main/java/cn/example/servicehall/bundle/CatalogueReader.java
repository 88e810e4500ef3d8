package cn.example.servicehall.bundle;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads one catalogue file and checks it whole (ADR 0009). SnakeYAML's node tree keeps every value's line, so each
 * refusal names the file, the line and the key path; nothing of a refused file is used.
 */
final class CatalogueReader {

	/** The services the hall runs: a service's variants by its code, empty when there is no such service. */
	@FunctionalInterface
	interface Services {

		Optional<Set<String>> variantsOf(String serviceCode);

	}

	/** The conditions a part may be done under ({@code when}). */
	static final Set<String> CONDITIONS = Set.of("has-fund-loan");

	private static final Set<String> BUNDLE_KEYS = Set.of("code", "name", "name-en", "available", "process",
			"time-limit-working-days", "on-refusal", "parts", "materials");

	private static final Set<String> PART_KEYS = Set.of("key", "name", "name-en", "service", "variant", "agency", "when",
			"after", "materials", "own-codes", "planned");

	private static final Set<String> MATERIAL_KEYS = Set.of("code", "name", "name-en", "form", "copies", "requirement");

	private final String file;

	private CatalogueReader(String file) {
		this.file = file;
	}

	/**
	 * The bundle a file describes.
	 * @param file the file's name, for the messages
	 * @param text its content
	 * @param services the services the hall runs
	 * @throws BundleCatalogueException naming the file, line and key of the first mistake
	 */
	static Bundle read(String file, String text, Services services) {
		return new CatalogueReader(file).bundle(text, services);
	}

	private Bundle bundle(String text, Services services) {
		Node root;
		try {
			LoaderOptions options = new LoaderOptions();
			options.setAllowDuplicateKeys(false);
			options.setMaxAliasesForCollections(0);
			root = new Yaml(options).compose(new StringReader(text));
		}
		catch (MarkedYAMLException ex) {
			int line = ex.getProblemMark() != null ? ex.getProblemMark().getLine() + 1 : 1;
			throw new BundleCatalogueException(this.file, line, "not readable as YAML: " + ex.getProblem(), ex);
		}
		catch (RuntimeException ex) {
			throw new BundleCatalogueException(this.file, 1, "not readable as YAML: " + ex.getMessage(), ex);
		}
		if (root == null) {
			throw refusal(1, "", "the file is empty");
		}
		Fields bundle = fields(root, "", BUNDLE_KEYS, "a bundle");
		String code = bundle.text("code");
		if (!code.matches("[A-Z][A-Z0-9_]{1,39}")) {
			throw refusal(bundle.line("code"), "code", "\"" + code + "\" is not a code (capital letters, digits and _)");
		}
		String name = bundle.text("name");
		String nameEn = bundle.text("name-en");
		boolean available = bundle.flag("available");
		Optional<String> process = bundle.optionalText("process");
		if (available && process.isEmpty()) {
			throw refusal(bundle.startLine(), "process",
					"missing (a bundle that can be applied for needs its parent process)");
		}
		int limit = bundle.number("time-limit-working-days");
		Bundle.OnRefusal onRefusal = bundle.word("on-refusal", Bundle.OnRefusal.values(), Bundle.OnRefusal::word);

		Map<String, Fields> materialFields = new LinkedHashMap<>();
		List<Node> materialNodes = bundle.list("materials");
		for (int i = 0; i < materialNodes.size(); i++) {
			Fields material = fields(materialNodes.get(i), "materials[" + i + "]", MATERIAL_KEYS, "a material");
			String materialCode = material.text("code");
			if (materialFields.containsKey(materialCode)) {
				throw refusal(material.line("code"), material.path("code"),
						"material \"" + materialCode + "\" is listed twice; list each material once and name it in every part that needs it");
			}
			materialFields.put(materialCode, material);
		}

		List<Bundle.Part> parts = new ArrayList<>();
		Map<String, Fields> partFields = new LinkedHashMap<>();
		List<Node> partNodes = bundle.list("parts");
		for (int i = 0; i < partNodes.size(); i++) {
			Fields part = fields(partNodes.get(i), "parts[" + i + "]", PART_KEYS, "a part");
			String key = part.text("key");
			if (!key.matches("[a-z][a-z0-9-]*")) {
				throw refusal(part.line("key"), part.path("key"), "\"" + key + "\" is not a key (small letters, digits and -)");
			}
			if (partFields.containsKey(key)) {
				throw refusal(part.line("key"), part.path("key"), "part \"" + key + "\" is listed twice");
			}
			partFields.put(key, part);
			parts.add(part(part, key, available, services, materialFields));
		}
		if (parts.isEmpty()) {
			throw refusal(bundle.line("parts"), "parts", "a bundle joins at least one service");
		}
		checkAfter(parts, partFields);

		List<Bundle.Material> materials = new ArrayList<>();
		for (Map.Entry<String, Fields> entry : materialFields.entrySet()) {
			List<String> neededBy = parts.stream()
				.filter(p -> p.materials().contains(entry.getKey()))
				.map(Bundle.Part::key)
				.toList();
			Fields material = entry.getValue();
			if (neededBy.isEmpty()) {
				throw refusal(material.line("code"), material.path("code"),
						"material \"" + entry.getKey() + "\" is needed by no part");
			}
			materials.add(new Bundle.Material(entry.getKey(), material.text("name"), material.text("name-en"),
					material.text("form"), material.text("copies"), material.text("requirement"), neededBy));
		}
		return new Bundle(code, name, nameEn, available, process, limit, onRefusal, parts, materials, this.file);
	}

	private Bundle.Part part(Fields part, String key, boolean available, Services services,
			Map<String, Fields> materials) {
		String name = part.text("name");
		String nameEn = part.text("name-en");
		boolean planned = part.has("planned") && part.flag("planned");
		if (planned && available) {
			throw refusal(part.line("planned"), part.path("planned"),
					"a bundle that can be applied for (available: true) runs only services the hall runs");
		}
		String service = part.text("service");
		Optional<String> variant = part.optionalText("variant");
		Optional<Set<String>> variants = services.variantsOf(service);
		if (variants.isEmpty() && !planned) {
			throw refusal(part.line("service"), part.path("service"), "no service \"" + service
					+ "\" is registered in the hall (a service not yet run is written planned: true, in a bundle not yet available)");
		}
		if (variants.isPresent() && variant.isPresent() && !variants.get().contains(variant.get())) {
			throw refusal(part.line("variant"), part.path("variant"),
					"service " + service + " has no variant \"" + variant.get() + "\"");
		}
		if (variants.isPresent() && variant.isEmpty() && !variants.get().isEmpty()) {
			throw refusal(part.line("service"), part.path("variant"),
					"missing: service " + service + " has variants " + String.join(", ", variants.get().stream().sorted().toList()));
		}
		BundleAgency agency = part.word("agency", BundleAgency.values(), BundleAgency::name);
		Optional<String> when = part.optionalText("when");
		if (when.isPresent() && !CONDITIONS.contains(when.get())) {
			throw refusal(part.line("when"), part.path("when"),
					"\"" + when.get() + "\" is none of " + String.join(", ", CONDITIONS.stream().sorted().toList()));
		}
		List<String> after = part.has("after") ? part.texts("after") : List.of();
		List<String> needs = part.texts("materials");
		for (int i = 0; i < needs.size(); i++) {
			if (!materials.containsKey(needs.get(i))) {
				throw refusal(part.itemLine("materials", i), part.path("materials") + "[" + i + "]",
						"no material \"" + needs.get(i) + "\" in this file's materials");
			}
		}
		if (new LinkedHashSet<>(needs).size() != needs.size()) {
			throw refusal(part.line("materials"), part.path("materials"), "a material is named twice");
		}
		Map<String, String> ownCodes = new LinkedHashMap<>();
		if (part.has("own-codes")) {
			Fields own = fields(part.value("own-codes"), part.path("own-codes"), new LinkedHashSet<>(needs),
					"this part's own codes (a material of its materials: the code its service calls it by)");
			for (String code : needs) {
				if (own.has(code)) {
					ownCodes.put(code, own.text(code));
				}
			}
		}
		return new Bundle.Part(key, name, nameEn, service, variant, agency, when, after, needs, ownCodes, planned);
	}

	/** Every {@code after} names another part of the bundle, and no parts wait for each other in a circle. */
	private void checkAfter(List<Bundle.Part> parts, Map<String, Fields> fields) {
		for (Bundle.Part part : parts) {
			for (int i = 0; i < part.after().size(); i++) {
				String other = part.after().get(i);
				Fields at = fields.get(part.key());
				if (other.equals(part.key())) {
					throw refusal(at.itemLine("after", i), at.path("after") + "[" + i + "]", "a part cannot wait for itself");
				}
				if (!fields.containsKey(other)) {
					throw refusal(at.itemLine("after", i), at.path("after") + "[" + i + "]",
							"no part \"" + other + "\" in this bundle");
				}
			}
		}
		Map<String, List<String>> waitsFor = parts.stream()
			.collect(Collectors.toMap(Bundle.Part::key, Bundle.Part::after, (a, b) -> a, LinkedHashMap::new));
		for (Bundle.Part part : parts) {
			List<String> circle = circleFrom(part.key(), waitsFor, new ArrayList<>());
			if (!circle.isEmpty()) {
				Fields at = fields.get(part.key());
				throw refusal(at.line("after"), at.path("after"),
						"the parts wait for each other in a circle: " + String.join(" → ", circle));
			}
		}
	}

	private static List<String> circleFrom(String key, Map<String, List<String>> waitsFor, List<String> path) {
		if (path.contains(key)) {
			List<String> circle = new ArrayList<>(path.subList(path.indexOf(key), path.size()));
			circle.add(key);
			return circle;
		}
		path.add(key);
		for (String next : waitsFor.getOrDefault(key, List.of())) {
			List<String> circle = circleFrom(next, waitsFor, path);
			if (!circle.isEmpty()) {
				return circle;
			}
		}
		path.remove(path.size() - 1);
		return List.of();
	}

	private Fields fields(Node node, String path, Set<String> allowed, String what) {
		if (!(node instanceof MappingNode mapping)) {
			throw refusal(line(node), path, "expected " + what + " (key: value lines)");
		}
		Map<String, NodeTuple> values = new LinkedHashMap<>();
		for (NodeTuple tuple : mapping.getValue()) {
			String key = tuple.getKeyNode() instanceof ScalarNode scalar ? scalar.getValue() : "?";
			String keyPath = path.isEmpty() ? key : path + "." + key;
			if (!allowed.contains(key)) {
				throw refusal(line(tuple.getKeyNode()), keyPath, "not a key of " + what + " (the keys are "
						+ String.join(", ", allowed.stream().sorted().toList()) + ")");
			}
			if (values.containsKey(key)) {
				throw refusal(line(tuple.getKeyNode()), keyPath, "written twice");
			}
			values.put(key, tuple);
		}
		return new Fields(path, line(node), values);
	}

	private static int line(Node node) {
		return node.getStartMark().getLine() + 1;
	}

	private BundleCatalogueException refusal(int line, String key, String problem) {
		return new BundleCatalogueException(this.file, line, key, problem);
	}

	/** A mapping's values by key, with its path and line for the messages. */
	private final class Fields {

		private final String path;

		private final int line;

		private final Map<String, NodeTuple> values;

		Fields(String path, int line, Map<String, NodeTuple> values) {
			this.path = path;
			this.line = line;
			this.values = values;
		}

		String path(String key) {
			return this.path.isEmpty() ? key : this.path + "." + key;
		}

		int startLine() {
			return this.line;
		}

		boolean has(String key) {
			return this.values.containsKey(key);
		}

		int line(String key) {
			NodeTuple tuple = this.values.get(key);
			return tuple == null ? this.line : CatalogueReader.line(tuple.getValueNode());
		}

		int itemLine(String key, int index) {
			return this.values.get(key).getValueNode() instanceof SequenceNode seq && index < seq.getValue().size()
					? CatalogueReader.line(seq.getValue().get(index)) : line(key);
		}

		Node value(String key) {
			NodeTuple tuple = this.values.get(key);
			if (tuple == null) {
				throw refusal(this.line, path(key), "missing");
			}
			return tuple.getValueNode();
		}

		String text(String key) {
			Node node = value(key);
			if (!(node instanceof ScalarNode scalar) || scalar.getValue().isBlank()) {
				throw refusal(line(key), path(key), node instanceof ScalarNode ? "missing" : "expected one value");
			}
			return scalar.getValue().strip();
		}

		Optional<String> optionalText(String key) {
			return has(key) ? Optional.of(text(key)) : Optional.empty();
		}

		boolean flag(String key) {
			String value = text(key);
			if (!value.equals("true") && !value.equals("false")) {
				throw refusal(line(key), path(key), "\"" + value + "\" is neither true nor false");
			}
			return Boolean.parseBoolean(value);
		}

		int number(String key) {
			String value = text(key);
			if (!value.matches("[1-9][0-9]{0,2}")) {
				throw refusal(line(key), path(key), "\"" + value + "\" is not a whole number of days from 1 to 999");
			}
			return Integer.parseInt(value);
		}

		<E> E word(String key, E[] values, java.util.function.Function<E, String> word) {
			String value = text(key);
			return Arrays.stream(values)
				.filter(v -> word.apply(v).equals(value))
				.findFirst()
				.orElseThrow(() -> refusal(line(key), path(key), "\"" + value + "\" is none of "
						+ String.join(", ", Arrays.stream(values).map(word).toList())));
		}

		List<Node> list(String key) {
			Node node = value(key);
			if (!(node instanceof SequenceNode seq)) {
				throw refusal(line(key), path(key), "expected a list (lines starting with -)");
			}
			return seq.getValue();
		}

		List<String> texts(String key) {
			List<String> texts = new ArrayList<>();
			List<Node> items = list(key);
			for (int i = 0; i < items.size(); i++) {
				if (!(items.get(i) instanceof ScalarNode scalar) || scalar.getValue().isBlank()) {
					throw refusal(CatalogueReader.line(items.get(i)), path(key) + "[" + i + "]", "expected one value");
				}
				texts.add(scalar.getValue().strip());
			}
			return texts;
		}

	}

}
