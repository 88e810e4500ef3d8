package cn.example.servicehall.materials;

import java.util.List;

/**
 * A case's checklist with what was uploaded for each item.
 *
 * @param caseNo the case
 * @param items the checklist's items in order
 */
public record CaseMaterials(String caseNo, List<Item> items) {

	public CaseMaterials {
		items = List.copyOf(items);
	}

	/**
	 * A material of the checklist and its uploads.
	 * @param code its code
	 * @param name its name
	 * @param form 原件, 复印件 or both
	 * @param copies how many
	 * @param requirement what exactly is asked for
	 * @param missing whether nothing was uploaded for it yet
	 * @param uploads the uploads that count, oldest first
	 */
	public record Item(String code, String name, String form, String copies, String requirement, boolean missing,
			List<MaterialUpload> uploads) {

		public Item {
			uploads = List.copyOf(uploads);
		}

	}

	/** How many items still have no upload. */
	public long missingCount() {
		return this.items.stream().filter(Item::missing).count();
	}

}
