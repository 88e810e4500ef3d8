package cn.example.servicehall.bundle;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import cn.example.servicehall.intake.Checklist;
import cn.example.servicehall.intake.MissingMaterialsNotified;

/**
 * 一件事: one entry of the catalogue, as its file says it (ADR 0009).
 *
 * @param code its code ({@code RETIREMENT}), the variant its cases carry
 * @param name its name in Chinese
 * @param nameEn its name in English
 * @param available whether it may be applied for; otherwise shown as 即将开通
 * @param process the key of its parent process, when it may be applied for
 * @param timeLimitWorkingDays the promised time from acceptance to its last part done, in working days
 * @param onRefusal what happens when a part is refused
 * @param parts the services it joins, in the file's order
 * @param materials the merged checklist: each material once
 * @param file the file it came from
 */
public record Bundle(String code, String name, String nameEn, boolean available, Optional<String> process,
		int timeLimitWorkingDays, OnRefusal onRefusal, List<Part> parts, List<Material> materials, String file) {

	public Bundle {
		parts = List.copyOf(parts);
		materials = List.copyOf(materials);
	}

	/** Whether one of its parts is done by the service (its code, e.g. {@code RESALE_LOAN}): the form then asks for it. */
	public boolean joins(String service) {
		return this.parts.stream().anyMatch(part -> part.service().equals(service));
	}

	/** Its name in the language asked for: Chinese unless English is. */
	public String displayName(Locale locale) {
		return english(locale) ? this.nameEn : this.name;
	}

	/** A part by its key. */
	public Optional<Part> part(String key) {
		return this.parts.stream().filter(p -> p.key().equals(key)).findFirst();
	}

	/** A material of the merged checklist by its code. */
	public Optional<Material> material(String code) {
		return this.materials.stream().filter(m -> m.code().equals(code)).findFirst();
	}

	/** The merged checklist as the acceptance clerk goes through it and the receipt lists it: each material once. */
	public Checklist checklist() {
		return new Checklist(this.materials.stream()
			.map(m -> new Checklist.Item(new MissingMaterialsNotified.Material(m.code(), m.name()), m.form(),
					m.copies(), m.requirement()))
			.toList());
	}

	/** What happens when a part is refused. */
	public enum OnRefusal {

		/** The acceptance clerk asks the citizen whether to go on with the other parts. */
		ASK_TO_CONTINUE("ask-to-continue"),

		/** The whole bundle is cancelled. */
		CANCEL_BUNDLE("cancel-bundle");

		private final String word;

		OnRefusal(String word) {
			this.word = word;
		}

		/** As the catalogue's files write it. */
		public String word() {
			return this.word;
		}

	}

	/**
	 * A service the bundle joins.
	 * @param key its key in the file ({@code closing})
	 * @param name its name in Chinese
	 * @param nameEn its name in English
	 * @param service the service's code ({@code WITHDRAWAL})
	 * @param variant the service's variant, if it has them ({@code RETIREMENT})
	 * @param agency who does it ({@link BundleAgency})
	 * @param when the condition under which it runs ({@code has-fund-loan}); always when empty
	 * @param after the parts it waits for
	 * @param materials the codes of the merged checklist it needs
	 * @param ownCodes where its service calls a material of the merged checklist by another code (the catalogue's
	 * {@code own-codes}: {@code APPLICANT_ID} → the loan's {@code BORROWER_ID}); the same code otherwise
	 * @param planned whether its service is not run by the hall yet (only in a bundle not yet available)
	 */
	public record Part(String key, String name, String nameEn, String service, Optional<String> variant,
			BundleAgency agency, Optional<String> when, List<String> after, List<String> materials,
			Map<String, String> ownCodes, boolean planned) {

		public Part {
			after = List.copyOf(after);
			materials = List.copyOf(materials);
			ownCodes = Map.copyOf(ownCodes);
		}

		/**
		 * The answers of the merged checklist for this part's own checklist, each under the code its service calls the
		 * material by ({@code own-codes}: the loan's {@code BORROWER_ID} is the bundle's {@code APPLICANT_ID}).
		 */
		public Map<String, Boolean> ownAnswers(Map<String, Boolean> answers) {
			Map<String, Boolean> own = new java.util.LinkedHashMap<>();
			this.materials.forEach(code -> own.put(this.ownCodes.getOrDefault(code, code), answers.get(code)));
			return own;
		}

		/** Its name in the language asked for. */
		public String displayName(Locale locale) {
			return english(locale) ? this.nameEn : this.name;
		}

	}

	/**
	 * A material of the merged checklist.
	 * @param code its code, the services' own ({@code APPLICANT_ID})
	 * @param name its name in Chinese
	 * @param nameEn its name in English
	 * @param form 原件, 复印件 or both
	 * @param copies how many
	 * @param requirement what exactly is asked for
	 * @param neededBy the keys of the parts that need it, in the parts' order
	 */
	public record Material(String code, String name, String nameEn, String form, String copies, String requirement,
			List<String> neededBy) {

		public Material {
			neededBy = List.copyOf(neededBy);
		}

		/** Its name in the language asked for. */
		public String displayName(Locale locale) {
			return english(locale) ? this.nameEn : this.name;
		}

	}

	private static boolean english(Locale locale) {
		return locale != null && Locale.ENGLISH.getLanguage().equals(locale.getLanguage());
	}

}
