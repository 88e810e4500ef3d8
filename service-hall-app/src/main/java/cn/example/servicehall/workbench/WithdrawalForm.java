package cn.example.servicehall.workbench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import cn.example.servicehall.intake.Checklist;
import cn.example.servicehall.withdrawal.WithdrawalType;

/**
 * What the counter's withdrawal form shows for each type: which parts of the claim (the home bought, the lease, the
 * invoices …), which papers the type's rules read, and the material checklist. The form has every part, each marked
 * with the types it belongs to; the page shows the chosen type's and the script follows the type as it changes.
 */
final class WithdrawalForm {

	/** Empty invoice rows on the form (more are kept when the clerk filled more). */
	static final int INVOICE_ROWS = 5;

	/** The form's parts (fieldsets) with the types that need them. */
	static final Map<String, Set<WithdrawalType>> PARTS;

	/** The papers (claim.papers.*) with the types whose rules read them. */
	static final Map<String, Set<WithdrawalType>> PAPERS;

	static {
		Map<String, Set<WithdrawalType>> parts = new LinkedHashMap<>();
		parts.put("spouse", Arrays.stream(WithdrawalType.values())
			.filter(t -> t.variants().contains(WithdrawalType.Variant.SPOUSE))
			.collect(Collectors.toCollection(LinkedHashSet::new)));
		parts.put("requested", Arrays.stream(WithdrawalType.values())
			.filter(t -> !t.closing())
			.collect(Collectors.toCollection(LinkedHashSet::new)));
		parts.put("home", Set.of(WithdrawalType.PURCHASE_NEW_HOME, WithdrawalType.PURCHASE_RESALE_HOME));
		parts.put("build", Set.of(WithdrawalType.BUILD_OR_OVERHAUL));
		parts.put("loan", Set.of(WithdrawalType.LOAN_REPAYMENT, WithdrawalType.LOAN_REPAYMENT_MONTHLY));
		parts.put("lease", Set.of(WithdrawalType.RENT));
		parts.put("invoices", Set.of(WithdrawalType.SERIOUS_ILLNESS));
		parts.put("elevator", Set.of(WithdrawalType.ELEVATOR_INSTALLATION));
		Map<String, Set<WithdrawalType>> papers = new LinkedHashMap<>();
		papers.put("retirementProof", Set.of(WithdrawalType.RETIREMENT));
		papers.put("workingAbilityLost", Set.of(WithdrawalType.LOSS_OF_WORKING_ABILITY));
		papers.put("employmentEnded", Set.of(WithdrawalType.LOSS_OF_WORKING_ABILITY, WithdrawalType.LEAVING_CITY));
		papers.put("settledAbroad", Set.of(WithdrawalType.SETTLING_ABROAD));
		papers.put("deceased", Set.of(WithdrawalType.DEATH));
		papers.put("heirsNamed", Set.of(WithdrawalType.DEATH));
		papers.put("householdMovedOut", Set.of(WithdrawalType.LEAVING_CITY));
		papers.put("buildPermitted", Set.of(WithdrawalType.BUILD_OR_OVERHAUL));
		papers.put("illnessListed", Set.of(WithdrawalType.SERIOUS_ILLNESS));
		papers.put("elevatorAgreement", Set.of(WithdrawalType.ELEVATOR_INSTALLATION));
		PARTS = Map.copyOf(parts);
		PAPERS = papers;
	}

	private WithdrawalForm() {
	}

	/** The types of each part, as the page's {@code data-types}: {@code "RENT SERIOUS_ILLNESS"}. */
	static Map<String, String> typesOf(Map<String, Set<WithdrawalType>> parts) {
		Map<String, String> types = new LinkedHashMap<>();
		parts.forEach((part, of) -> types.put(part, names(of)));
		return types;
	}

	/** The account-closing types (销户类), then the partial ones (部分提取). */
	static Map<String, List<WithdrawalType>> groups() {
		Map<String, List<WithdrawalType>> groups = new LinkedHashMap<>();
		groups.put("closing", Arrays.stream(WithdrawalType.values()).filter(WithdrawalType::closing).toList());
		// a payoff is applied for only within 退休一件事 (WithdrawalType.onlyInBundle), not on this form
		groups.put("partial",
				Arrays.stream(WithdrawalType.values()).filter(t -> !t.closing() && !t.onlyInBundle()).toList());
		return groups;
	}

	/**
	 * One material of the checklist, shown for the types that list it.
	 * @param code its code, the form's {@code materials[CODE]}
	 * @param name its name
	 * @param requirement what exactly is asked for
	 * @param types the types whose checklist has it, as {@code data-types}
	 * @param spouse whether it is asked only when a spouse applies with the applicant
	 */
	record Material(String code, String name, String requirement, String types, boolean spouse) {
	}

	/**
	 * Every material of every type's checklist once, in the order the types list them, the spouse's papers last:
	 * the page shows those of the chosen type (and the spouse's when a spouse is named).
	 */
	static List<Material> materials(Locale locale) {
		Map<String, Set<WithdrawalType>> typesOf = new LinkedHashMap<>();
		Map<String, Checklist.Item> items = new LinkedHashMap<>();
		for (WithdrawalType type : WithdrawalType.values()) {
			for (Checklist.Item item : type.checklist(Set.of(), locale).items()) {
				items.putIfAbsent(item.material().code(), item);
				typesOf.computeIfAbsent(item.material().code(), code -> new LinkedHashSet<>()).add(type);
			}
		}
		List<Material> materials = new ArrayList<>();
		items.forEach((code, item) -> materials
			.add(new Material(code, item.material().name(), item.requirement(), names(typesOf.get(code)), false)));
		Set<WithdrawalType> withSpouse = PARTS.get("spouse");
		WithdrawalType any = withSpouse.iterator().next();
		for (Checklist.Item item : any.checklist(Set.of(WithdrawalType.Variant.SPOUSE), locale).items()) {
			if (!items.containsKey(item.material().code())) {
				materials.add(new Material(item.material().code(), item.material().name(), item.requirement(),
						names(withSpouse), true));
			}
		}
		return materials;
	}

	/**
	 * Which parts, papers ({@code paper-…}) and materials ({@code material-…}) the page shows for the type chosen, and
	 * whether it closes the account ({@code closing}); the script keeps them so as the type changes.
	 */
	static Map<String, Boolean> showing(java.util.Optional<WithdrawalType> chosen, String spouseIdNumber) {
		Map<String, Boolean> showing = new java.util.HashMap<>();
		PARTS.forEach((part, types) -> showing.put(part, chosen.filter(types::contains).isPresent()));
		PAPERS.forEach((paper, types) -> showing.put("paper-" + paper, chosen.filter(types::contains).isPresent()));
		boolean spouse = spouseIdNumber != null && !spouseIdNumber.isBlank();
		for (Material material : materials(Locale.ROOT)) {
			boolean listed = chosen.filter(t -> (" " + material.types() + " ").contains(" " + t.name() + " ")).isPresent();
			showing.put("material-" + material.code(), listed && (!material.spouse() || spouse));
		}
		showing.put("closing", chosen.filter(WithdrawalType::closing).isPresent());
		showing.put("papers", PAPERS.values().stream().anyMatch(types -> chosen.filter(types::contains).isPresent()));
		return showing;
	}

	private static String names(Set<WithdrawalType> types) {
		return Arrays.stream(WithdrawalType.values())
			.filter(types::contains)
			.map(Enum::name)
			.collect(Collectors.joining(" "));
	}

}
